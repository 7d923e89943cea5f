#!/usr/bin/env bash
# The matmul ceiling: MXNet's own dot of two 2048x2048 float matrices, best of 5, on one and on two
# OpenMP threads (a JVM each: MXNet reads the count once). Leaves the GFLOP/s in $BENCH_WORK for the
# training figures (ratio = samples/s x 16.6 MFLOP per training sample / ceiling).
set -euo pipefail
size=2048
[ "${QUICK:-0}" = 1 ] && size=1024
for threads in 1 2; do
  line=$(java -Ddeepdash.bench.ompThreads=$threads -cp "$BENCH_CP" deepdash.bench.MatmulCeiling $size | grep '^ceiling')
  gflops=$(sed 's/.* gflops=\([0-9.]*\).*/\1/' <<<"$line")
  per_cpu=$(sed 's/.*gflopsPerCpuSecond=\([0-9.]*\).*/\1/' <<<"$line")
  echo "$gflops" >"$BENCH_WORK/ceiling-$threads"
  echo "$per_cpu" >"$BENCH_WORK/ceiling-per-cpu-$threads"
done
one=$(cat "$BENCH_WORK/ceiling-1"); two=$(cat "$BENCH_WORK/ceiling-2")
python3 - "$one" "$two" "$size" "$(cat "$BENCH_WORK/ceiling-per-cpu-1")" <<'PY'
import sys
one, two, size, per_cpu = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], float(sys.argv[4])
print(f"| matmul ceiling, 1 thread (MXNet dot {size}x{size}, best of 5) | {one:,.1f} GFLOP/s "
      f"(= {one * 1e9 / 16.6e6:,.0f} samples/s; {per_cpu:,.1f} per CPU-second) | | |")
print(f"| matmul ceiling, 2 threads | {two:,.1f} GFLOP/s (= {two * 1e9 / 16.6e6:,.0f} samples/s) "
      f"| 1 thread: {one:,.1f} | {two / one:.2f} |")
PY
