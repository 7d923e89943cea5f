#!/usr/bin/env bash
# Issue 13 §4: time from `java -jar target/deepdash.jar` to the first 200 from /health, with an empty
# data dir and with 1,000 runs on disk (completed CNN runs of 10 epochs each, copies of the shipped
# model's run folder, parameters hard-linked). Median of 5 starts each (QUICK=1: 2).
# Prints markdown table rows only: | figure | measured | reference | ratio |
# JAR=... measures another build. Needs curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(realpath "${JAR:-target/deepdash.jar}")
starts=5
[[ "${QUICK:-0}" == 1 ]] && starts=2
target_seconds=2.0
work=$(mktemp -d)
server=
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$(shuf -i 20000-60000 -n 1)
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# 1,000 completed CNN runs, as `train` leaves them: run.json, metrics.jsonl, model/cnn-0000.params.
write_runs() {
  local runs=$1/runs shipped=data/models/cnn-mnist i id
  mkdir -p "$runs"
  for ((i = 0; i < 1000; i++)); do
    id=$(printf '20260101-%06d-%06x' "$i" "$i")
    mkdir -p "$runs/$id/model"
    sed "s/\"id\" : \"cnn-mnist\"/\"id\" : \"$id\"/" "$shipped/run.json" > "$runs/$id/run.json"
    cp "$shipped/metrics.jsonl" "$runs/$id/metrics.jsonl"
    ln "$shipped/model/cnn-0000.params" "$runs/$id/model/cnn-0000.params" 2>/dev/null \
      || cp "$shipped/model/cnn-0000.params" "$runs/$id/model/cnn-0000.params"
  done
}

# Seconds from the exec of java to the first /health 200, on a copy of the given data dir.
one_start() {
  local template=$1 data=$work/data-$RANDOM port start end
  rm -rf "$data" && cp -a "$template" "$data"
  # The copy's write-back (1,000 folders) is the benchmark's setup, not the server's start: finish it first.
  sync
  port=$(free_port)
  start=$(date +%s%N)
  java -jar "$jar" --port "$port" --data-dir "$data" > "$work/server.log" 2>&1 &
  server=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$server" 2>/dev/null || { echo "server exited:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    (( $(date +%s%N) - start < 120000000000 )) || { echo "no /health within 120 s" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  # The jar's own files, served without mounting the jar (web.ClasspathFiles): a file answers, a folder does not.
  for check in "200 /static/css/app.css" "200 /webjars/htmx.org/2.0.8/dist/htmx.min.js" "404 /static/css"; do
    got=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port${check#* }")
    [[ "$got" == "${check%% *}" ]] || { echo "${check#* } answered $got, not ${check%% *}" >&2; exit 1; }
  done
  kill "$server"; wait "$server" 2>/dev/null || true
  server=
  rm -rf "$data"
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

mkdir -p "$work/empty" "$work/thousand"
write_runs "$work/thousand"
for kind in empty thousand; do
  for ((s = 0; s < starts; s++)); do one_start "$work/$kind"; done > "$work/$kind.seconds"
done
empty=$(median < "$work/empty.seconds")
thousand=$(median < "$work/thousand.seconds")
row() { printf '| %s | %.2f s | %.1f s (target) | %.2f |\n' "$1" "$2" "$target_seconds" "$(echo "$2 / $target_seconds" | bc -l)"; }
row "start-up to first /health 200, empty data dir (median of $starts)" "$empty"
row "start-up to first /health 200, 1,000 runs on disk (median of $starts)" "$thousand"
