#!/usr/bin/env bash
# Server memory for CSV uploads: resident memory (VmRSS, sampled every 50 ms from /proc) of the
# real server while it takes one, then eight concurrent, uploads of a ~20 MB Yahoo-format price CSV.
# Reports, for each: RSS when idle just before, the peak, and what is still held 10 s after, plus
# the HTTP status of every upload. The server is started with plain `java -jar`, as a user starts it.
# Usage: [JVM_OPTS=...] bench/upload-memory.sh [server flags...]
#   e.g. bench/upload-memory.sh --max-concurrent-uploads 8;  JVM_OPTS=-XX:+UseSerialGC bench/upload-memory.sh
#   (build first: mvn -q -B package -DskipTests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/deepdash.jar"
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port/api/datasets"

# ~20 MB (decimal, under the default 20 MiB limit): consecutive days from the year 1200 on.
python3 - "$work/big.csv" 19900000 <<'PY'
import datetime, sys
path, target = sys.argv[1], int(sys.argv[2])
day = datetime.date(1200, 1, 1)
size = 0
with open(path, "w", newline="\n") as out:
    out.write("Date,Open,High,Low,Close,Adj Close,Volume\n")
    i = 0
    while size < target:
        o = 100 + (i % 5000) * 0.013
        line = f"{day.isoformat()},{o:.6f},{o + 2:.6f},{o - 1:.6f},{o + 0.5:.6f},{o + 0.25:.6f},{1000000 + i}\n"
        out.write(line)
        size += len(line)
        day += datetime.timedelta(days=1)
        i += 1
PY
head -c 200000 "$work/big.csv" >"$work/small.csv"
bytes=$(stat -c %s "$work/big.csv")

java ${JVM_OPTS:-} -jar "$jar" --port "$port" --data-dir "$work/data" "$@" >"$work/server.log" 2>&1 &
server=$!
stop() {
  kill "$sampler" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
sampler=""
trap stop EXIT
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

(while kill -0 "$server" 2>/dev/null; do
   echo "$(date +%s%N) $(awk '/VmRSS/ {print $2}' "/proc/$server/status" 2>/dev/null || echo 0)"
   sleep 0.05
 done) >"$work/rss" &
sampler=$!
now() { date +%s%N; }
upload() { curl -s -o "$work/resp-$1" -w '%{http_code} %{time_total}s\n' -F "file=@$2" "$url"; }

# Warm-up: the first upload loads classes and JIT-compiles the parser; that is not upload memory.
upload warm "$work/small.csv" >/dev/null
sleep 3

one_start=$(now)
echo "one upload:   $(upload one "$work/big.csv")"
one_end=$(now)
sleep 10
one_kept=$(now)
sleep 1

eight_start=$(now)
pids=()
for i in 1 2 3 4 5 6 7 8; do upload "eight-$i" "$work/big.csv" >"$work/code-$i" & pids+=($!); done
wait "${pids[@]}"
eight_end=$(now)
echo "eight at once: $(sort "$work"/code-* | awk '{print $1}' | uniq -c | awk '{printf "%s x %s  ", $1, $2}')"
echo "               times: $(awk '{printf "%s ", $2}' "$work"/code-*)"
grep -h -o '"error":"[^"]*"' "$work"/resp-eight-* 2>/dev/null | sort | uniq -c | head -3 || true
sleep 10
eight_kept=$(now)
sleep 0.2

python3 - "$work/rss" "$bytes" "$one_start" "$one_end" "$one_kept" "$eight_start" "$eight_end" "$eight_kept" <<'PY'
import sys
samples = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if len(l.split()) == 2]
size_mb = int(sys.argv[2]) / 1e6
one_start, one_end, one_kept, eight_start, eight_end, eight_kept = map(int, sys.argv[3:9])
def mb(kb): return kb / 1024
def window(a, b): return [kb for t, kb in samples if a <= t <= b]
def idle_before(t):  # median of the last second before t
    w = sorted(window(t - 1_000_000_000, t)); return w[len(w) // 2]
def kept_at(t):      # median of the half second before t
    w = sorted(window(t - 500_000_000, t)); return w[len(w) // 2]
print(f"file {size_mb:.1f} MB; RSS in MB (VmRSS sampled every 50 ms; {len(samples)} samples)")
print(f"{'case':<16}{'idle':>8}{'peak':>8}{'peak-idle':>11}{'x file':>8}{'kept 10 s':>11}{'kept-idle':>11}")
for name, a, b, k in (("one upload", one_start, one_end, one_kept), ("eight at once", eight_start, eight_end, eight_kept)):
    idle = idle_before(a); peak = max(window(a, k)); kept = kept_at(k)
    print(f"{name:<16}{mb(idle):8.0f}{mb(peak):8.0f}{mb(peak - idle):11.0f}{mb(peak - idle) / size_mb:8.1f}"
          f"{mb(kept):11.0f}{mb(kept - idle):11.0f}")
PY
