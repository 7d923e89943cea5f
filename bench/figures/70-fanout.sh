#!/usr/bin/env bash
# Issue 13 §4: the delay from a worker's epoch line to the 1,000th event-stream client receiving it
# (src/test/java/deepdash/bench/FanOutBench.java: the real app, `cat` as its worker so the line's
# moment is known, 1,000 streams, 10 epochs, each after a second of progress lines as a training
# worker prints them; QUICK=1: 200 streams, 3 epochs).
# Prints markdown table rows only: | figure | measured | reference | ratio |
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=1000
epochs=10
if [[ "${QUICK:-0}" == 1 ]]; then clients=200; epochs=3; fi
# Each stream is a socket at both ends, in one JVM.
ulimit -n "$(( $(ulimit -Hn) < 65536 ? $(ulimit -Hn) : 65536 ))"
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
mvn -B -q -o test -Dgroups=bench -DexcludedGroups= -Dtest=FanOutBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfanout.clients="$clients" -Dfanout.epochs="$epochs" -Dfanout.out="$rows" >&2
cat "$rows"
