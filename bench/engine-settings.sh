#!/usr/bin/env bash
# Compares MXNet engine settings for the seed CNN: the engine type and the OpenMP thread count
# ("unset" leaves OpenMP's own default). The product uses NaiveEngine with 1 thread.
# Each setting trains 1 epoch on the first 12,000 MNIST images (9,600 train / 2,400 validation)
# through the real `train` command and reports the epoch's samples per second.
# Usage: bench/engine-settings.sh [train-limit]    (build first: mvn -q -B package -DskipTests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/deepdash.jar"
limit=${1:-12000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-26s %-6s %12s %10s\n' engine omp samples/s epoch_s
for engine in NaiveEngine ThreadedEnginePerDevice; do
  for omp in unset 1 2; do
    dir="$work/$engine-$omp"
    [ "$omp" = unset ] && threads=default || threads=$omp
    env -u OMP_NUM_THREADS java -Ddeepdash.bench.mxnetEngine=$engine -Ddeepdash.bench.ompThreads=$threads -jar "$jar" train \
      --epochs 1 --train-limit "$limit" --run-dir "$dir" >/dev/null 2>&1
    python3 - "$dir/metrics.jsonl" "$engine" "$omp" <<'PY'
import json, sys
m = json.loads(open(sys.argv[1]).readline())
print(f"{sys.argv[2]:<26} {sys.argv[3]:<6} {m['samplesPerSecond']:12.0f} {m['epochSeconds']:10.1f}")
PY
  done
done
