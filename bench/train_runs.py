#!/usr/bin/env python3
"""Runs the real `train` command (as the server's worker runs it: -Xmx1g -XX:+UseSerialGC) and reads
back what the run wrote. Used by bench/figures/20-train.sh and 30-fast.sh.

    train_runs.py JAR RUN_DIR [train flags...]
prints one JSON object: wallSeconds (java start to exit), epochs (samplesPerSecond, epochSeconds per
epoch), profile (bench/figures' per-batch split, one per epoch, from -Ddeepdash.bench.profile=true),
testAccuracy, threads (the OpenMP threads the worker chose).
"""
import json
import os
import subprocess
import sys
import time

jar, run_dir, flags = sys.argv[1], sys.argv[2], sys.argv[3:]
props = [p for p in flags if p.startswith("-D")]
flags = [f for f in flags if not f.startswith("-D")]
command = ["java", "-Xmx1g", "-XX:+UseSerialGC", "-Ddeepdash.bench.profile=true", *props, "-jar", jar,
           "train", "--run-dir", run_dir, *flags]
start = time.monotonic()
done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.monotonic() - start
if done.returncode != 0:
    sys.stderr.write(done.stderr[-2000:])
    sys.exit(f"train failed ({done.returncode}): {' '.join(command)}")
epochs = [json.loads(line) for line in open(os.path.join(run_dir, "metrics.jsonl"))]
profile = [json.loads(line.split(" ", 1)[1]) for line in done.stderr.splitlines()
           if line.startswith("deepdash-profile ")]
threads = next((line.split(" on ", 1)[1].split(" ")[0] for line in done.stderr.splitlines()
                if line.startswith("deepdash: training on ")), None)
record = json.load(open(os.path.join(run_dir, "run.json")))
test = record.get("test") or {}
print(json.dumps({"wallSeconds": wall, "epochs": epochs, "profile": profile,
                  "testAccuracy": test.get("accuracy"), "threads": threads, "trainSeconds": record.get("trainSeconds")}))
