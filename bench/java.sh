#!/usr/bin/env bash
# Runs the benchmarks that live with the tests (they need the test class path), tagged "bench" and
# therefore left out of `mvn verify`. With no argument: all four. Each prints its figures.
#   bench/java.sh PredictLatencyBench   prediction latency over HTTP, idle and during a training run
#   bench/java.sh RunListBenchmark      runs list API and pages with 1,000 runs in the store
#   bench/java.sh KillTrialsBenchmark   20 server and 20 worker SIGKILLs, then restart checks
#   bench/java.sh CancelStoppedWorkerBench  cancel to cancelled for a SIGSTOPped worker (5 s grace)
set -euo pipefail
cd "$(dirname "$0")/.."
tests=${1:-PredictLatencyBench,RunListBenchmark,KillTrialsBenchmark,CancelStoppedWorkerBench}
mvn -B -q test -Dgroups=bench -DexcludedGroups= -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false
