#!/usr/bin/env bash
# Issue 13 §3: predictions under load, over HTTP on loopback, against `java -jar target/deepdash.jar`.
# wrk (bench/load/predict.lua) posts MNIST test digits as 784 pixels and as the draw page's request
# (a 280x280 canvas PNG, ?featureMaps=true): one client idle, 50 clients idle and 50 clients while a
# CNN trains (a run of 20,000 images started through the API, cancelled at the end).
# Prints markdown table rows only: | figure | measured | reference | ratio |  (reference = the target)
# QUICK=1: 5 s per measurement instead of 30. JAR=... measures another build. Needs wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(realpath "${JAR:-target/deepdash.jar}")
seconds=30
digits=100
if [[ "${QUICK:-0}" == 1 ]]; then seconds=5; digits=20; fi
clients=50
work=$(mktemp -d)
server=
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

java bench/load/PredictBodies.java data/mnist/t10k-images-idx3-ubyte.gz "$work" "$digits"
while :; do
  port=$(shuf -i 20000-60000 -n 1)
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
done
base=http://127.0.0.1:$port
java -jar "$jar" --port "$port" --data-dir "$work/data" > "$work/server.log" 2>&1 &
server=$!
until curl -fs -o /dev/null "$base/health"; do
  kill -0 "$server" 2>/dev/null || { echo "server exited:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
  sleep 0.1
done

# measure CONNECTIONS SECONDS PATH BODIES -> "<per second> <p50 ms> <p99 ms> <failures>"
measure() {
  local threads=$(( $1 < 2 ? 1 : 2 )) out
  out=$(BODIES="$work/$4" wrk -t"$threads" -c"$1" -d"$2"s --timeout 10s -s bench/load/predict.lua "$base$3")
  awk '/^RESULT/ { printf "%.1f %.2f %.2f %d\n", $2 / $3, $4, $5, $6 + $7 }' <<< "$out"
}
pixels=(/api/predict pixels.bodies)
drawn=("/api/predict?featureMaps=true" png.bodies)

# Warm up: the JIT, the model load, Jetty's threads.
measure "$clients" 5 "${pixels[@]}" > /dev/null
measure "$clients" 5 "${drawn[@]}" > /dev/null

read -r _ _ one_pixels_p99 one_pixels_failed <<< "$(measure 1 "$seconds" "${pixels[@]}")"
read -r _ _ one_drawn_p99 one_drawn_failed <<< "$(measure 1 "$seconds" "${drawn[@]}")"
read -r idle_pixels_rate idle_pixels_p50 idle_pixels_p99 idle_pixels_failed <<< "$(measure "$clients" "$seconds" "${pixels[@]}")"
read -r idle_drawn_rate idle_drawn_p50 idle_drawn_p99 idle_drawn_failed <<< "$(measure "$clients" "$seconds" "${drawn[@]}")"

run=$(curl -fs -H 'Content-Type: application/json' -d '{"model":"cnn","epochs":50,"trainLimit":20000}' \
  "$base/api/runs" | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p')
[[ -n "$run" ]] || { echo "could not start a training run" >&2; exit 1; }
for ((i = 0; i < 600; i++)); do
  curl -fs "$base/api/runs/$run" | grep -q '"progress"' && break
  sleep 0.2
done
read -r busy_pixels_rate busy_pixels_p50 busy_pixels_p99 busy_pixels_failed <<< "$(measure "$clients" "$seconds" "${pixels[@]}")"
read -r busy_drawn_rate busy_drawn_p50 busy_drawn_p99 busy_drawn_failed <<< "$(measure "$clients" "$seconds" "${drawn[@]}")"
status=$(curl -fs "$base/api/runs/$run" | sed -n 's/.*"status" *: *"\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -X POST "$base/api/runs/$run/cancel" || true

failed() { [[ "$1" == 0 ]] && echo "" || echo ", $1 failed"; }
rate_row() { # label rate p50 failures target
  printf '| %s (p50 %s ms%s) | %.0f/s | %s/s (target) | %.2f |\n' "$1" "$3" "$(failed "$4")" "$2" "$5" \
    "$(echo "$2 / $5" | bc -l)"
}
p99_row() { # label p99 failures target
  printf '| %s%s | %s ms | %s ms (target) | %.2f |\n' "$1" "$(failed "$3")" "$2" "$4" "$(echo "$2 / $4" | bc -l)"
}
during="while a CNN trains (run $status at the end)"
rate_row "predictions/s, $clients clients, 784 pixels, $during" "$busy_pixels_rate" "$busy_pixels_p50" "$busy_pixels_failed" 1000
p99_row "p99, $clients clients, 784 pixels, $during" "$busy_pixels_p99" "$busy_pixels_failed" 100
rate_row "predictions/s, $clients clients, canvas PNG + feature maps, $during" "$busy_drawn_rate" "$busy_drawn_p50" "$busy_drawn_failed" 300
p99_row "p99, $clients clients, canvas PNG + feature maps, $during" "$busy_drawn_p99" "$busy_drawn_failed" 250
rate_row "predictions/s, $clients clients, 784 pixels, idle" "$idle_pixels_rate" "$idle_pixels_p50" "$idle_pixels_failed" 1000
p99_row "p99, $clients clients, 784 pixels, idle" "$idle_pixels_p99" "$idle_pixels_failed" 100
rate_row "predictions/s, $clients clients, canvas PNG + feature maps, idle" "$idle_drawn_rate" "$idle_drawn_p50" "$idle_drawn_failed" 300
p99_row "p99, $clients clients, canvas PNG + feature maps, idle" "$idle_drawn_p99" "$idle_drawn_failed" 250
p99_row "p99, one client, 784 pixels, idle" "$one_pixels_p99" "$one_pixels_failed" 5
p99_row "p99, one client, canvas PNG + feature maps, idle" "$one_drawn_p99" "$one_drawn_failed" 15
