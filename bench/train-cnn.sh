#!/usr/bin/env bash
# The seed's default CNN run (10 epochs, batch 32, Adam 0.001, all 48,000 training images) through
# the real server and worker, as a user starts it. Reports test accuracy, wall time, seconds per
# epoch, samples per second, and the peak resident memory (VmHWM) of the server and the worker.
# Usage: bench/train-cnn.sh [epochs] [train-limit]   (build first: mvn -q -B package -DskipTests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/deepdash.jar"
epochs=${1:-10}
limit=${2:-null}
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
java -jar "$jar" --port "$port" --data-dir "$work" >"$work/server.log" 2>&1 &
server=$!
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

start=$(date +%s.%N)
id=$(curl -sf -XPOST "http://127.0.0.1:$port/api/runs" \
  -d "{\"model\":\"cnn\",\"epochs\":$epochs,\"batchSize\":32,\"learningRate\":0.001,\"trainLimit\":$limit}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
worker_peak=0
while true; do
  status=$(curl -sf "http://127.0.0.1:$port/api/runs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  for pid in $(pgrep -f "run-dir $work/runs/$id" || true); do
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${kb:-0}" -gt "$worker_peak" ] && worker_peak=$kb
  done
  case "$status" in completed|failed|cancelled|interrupted) break ;; esac
  sleep 1
done
end=$(date +%s.%N)
server_peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
curl -sf "http://127.0.0.1:$port/api/runs/$id" | python3 -c "
import json, sys
run = json.load(sys.stdin)
epochs = run['epochs']
print(f\"status            {run['status']}  device {run.get('device')}\")
print(f\"test accuracy     {run['test']['accuracy']:.4f}  loss {run['test']['loss']:.4f}\")
print(f\"wall time         {$end - $start:.1f} s (training+evaluation in the worker: {run['trainSeconds']:.1f} s)\")
print(f\"seconds per epoch {sum(e['epochSeconds'] for e in epochs)/len(epochs):.1f} (mean of {len(epochs)}; first {epochs[0]['epochSeconds']:.1f})\")
print(f\"samples/s         {sum(e['samplesPerSecond'] for e in epochs)/len(epochs):.0f} (training passes, mean)\")
print(f\"val_accuracy      {' '.join(format(e['val_accuracy'], '.4f') for e in epochs)}\")
"
echo "peak memory       server $((server_peak / 1024)) MB, worker $((worker_peak / 1024)) MB (VmHWM; worker sampled each second)"
