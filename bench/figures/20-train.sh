#!/usr/bin/env bash
# Training throughput of the seed CNN through the real `train` command: batch 32 and 128, 3 epochs
# on 24,000 images (30,000 before the validation split), quiet and busy (one `yes` per core started
# here as the hog). Rows: samples/s of the best epoch against the 2-core matmul ceiling (targets
# 0.30 at batch 32, 0.45 at 128) and the PyTorch peer; busy against issue 13's old 3,339 samples/s
# (target 0.9); the first three epochs' rates; the time per batch split into copy, arrays, forward,
# backward, reads and optimizer step (-Ddeepdash.bench.profile=true).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
limit=30000; epochs=3
[ "${QUICK:-0}" = 1 ] && { limit=2000; epochs=2; }
hogs=()
stop_hogs() { for pid in "${hogs[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; hogs=(); }
trap stop_hogs EXIT
for mode in quiet busy; do
  if [ "$mode" = busy ]; then
    for _ in $(seq "$(nproc)"); do yes >/dev/null & hogs+=($!); done
    sleep 2
  fi
  for batch in 32 128; do
    python3 "$here/train_runs.py" "$JAR" "$BENCH_WORK/train-$mode-$batch" --epochs $epochs --batch-size $batch \
      --train-limit $limit --seed 1 >"$BENCH_WORK/train-$mode-$batch.json"
  done
  stop_hogs
done
python3 - "$BENCH_WORK" <<'PY'
import json, os, sys
work = sys.argv[1]
def read(name):
    path = os.path.join(work, name)
    return open(path).read().strip() if os.path.exists(path) else None
ceiling = float(read("ceiling-2") or 0)
ceiling_samples = ceiling * 1e9 / 16.6e6
OLD_BATCH_32 = 3339  # issue 13, quiet, 1 thread; the busy target is 0.9x of it
for batch, target in ((32, 0.30), (128, 0.45)):
    quiet = json.load(open(f"{work}/train-quiet-{batch}.json"))
    busy = json.load(open(f"{work}/train-busy-{batch}.json"))
    best = max(e["samplesPerSecond"] for e in quiet["epochs"])
    if ceiling_samples:
        print(f"| DeepDash training, batch {batch}, quiet (best epoch; {quiet.get('threads')} threads) | {best:,.0f} samples/s | 2-core ceiling "
              f"{ceiling_samples:,.0f} samples/s (target ratio {target}) | {best / ceiling_samples:.3f} |")
    peer = read(f"peer-{batch}")
    if peer:
        print(f"| DeepDash vs PyTorch, batch {batch} | {best:,.0f} samples/s | PyTorch {float(peer):,.0f} "
              f"| {best / float(peer):.2f} |")
    busy_best = max(e["samplesPerSecond"] for e in busy["epochs"])
    reference = f"old {OLD_BATCH_32:,} samples/s (target 0.9)" if batch == 32 else f"quiet {best:,.0f}"
    print(f"| DeepDash training, batch {batch}, busy ({os.cpu_count()} `yes` hogs; {busy.get('threads')} threads) | {busy_best:,.0f} samples/s "
          f"| {reference} | {busy_best / (OLD_BATCH_32 if batch == 32 else best):.2f} |")
    rates = [e["samplesPerSecond"] for e in quiet["epochs"]]
    print(f"| batch {batch}, epochs 1 / 2 / 3, quiet | {' / '.join(f'{r:,.0f}' for r in rates)} samples/s "
          f"| last epoch | {rates[0] / rates[-1]:.2f} |")
    for label, run in (("quiet", quiet), ("busy", busy)):
        p = run["profile"][-1] if run["profile"] else None
        if p:
            split = ", ".join(f"{k} {p[k + 'Ms']:.2f}" for k in
                              ("copy", "arrays", "forward", "backward", "reads", "step"))
            print(f"| batch {batch}, ms per batch, last epoch, {label} | {split} | total {p['totalMs']:.2f} ms "
                  f"| forward+backward {(p['forwardMs'] + p['backwardMs']) / p['totalMs']:.2f} |")
PY
