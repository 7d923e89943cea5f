#!/usr/bin/env bash
# The Fast preset against the seed's recipe, through the real `train` command: the seed recipe (10
# epochs, batch 32, Adam 0.001, 48,000 images trained, 12,000 validating) once, then
# `train --preset fast` for three seeds. Wall time is java start to exit (MNIST and MXNet loading
# included). Targets: test accuracy >= 0.9804 (the seed's) in <= 0.25 of the seed recipe's time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seed_flags=(--epochs 10 --batch-size 32 --learning-rate 0.001)
limit=()
[ "${QUICK:-0}" = 1 ] && { seed_flags=(--epochs 1 --batch-size 32 --learning-rate 0.001); limit=(--train-limit 2000); }
python3 "$here/train_runs.py" "$JAR" "$BENCH_WORK/seed-recipe" "${seed_flags[@]}" "${limit[@]}" --seed 42 \
  >"$BENCH_WORK/seed-recipe.json"
for seed in 1 2 3; do
  python3 "$here/train_runs.py" "$JAR" "$BENCH_WORK/fast-$seed" --preset fast "${limit[@]}" --seed $seed \
    >"$BENCH_WORK/fast-$seed.json"
done
python3 - "$BENCH_WORK" <<'PY'
import json, sys
work = sys.argv[1]
seed = json.load(open(f"{work}/seed-recipe.json"))
import os
recipe = "1 epoch on 2,000 images (QUICK)" if os.environ.get("QUICK") == "1" else "10 epochs, batch 32"
print(f"| seed recipe ({recipe}), test accuracy | {seed['testAccuracy']:.4f} | the seed's 0.9804 "
      f"| {seed['testAccuracy'] / 0.9804:.3f} |")
print(f"| seed recipe, wall time | {seed['wallSeconds']:.1f} s | | |")
for s in (1, 2, 3):
    fast = json.load(open(f"{work}/fast-{s}.json"))
    ok = "meets" if fast["testAccuracy"] >= 0.9804 and fast["wallSeconds"] <= 0.25 * seed["wallSeconds"] else "misses"
    print(f"| Fast preset, seed {s}: wall time, test accuracy | {fast['wallSeconds']:.1f} s, "
          f"{fast['testAccuracy']:.4f} | seed recipe {seed['wallSeconds']:.1f} s (target <= 0.25, accuracy >= 0.9804:"
          f" {ok}) | {fast['wallSeconds'] / seed['wallSeconds']:.3f} |")
PY
