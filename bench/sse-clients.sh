#!/usr/bin/env bash
# 1,000 server-sent event clients on one run of the real server (java -jar target/deepdash.jar):
# the server's threads and VmRSS idle, with 600 and 1,000 streams open, after the clients hang up
# and after the final status ends every stream; and the fan-out spread of each epoch event.
# Usage: bench/sse-clients.sh [jar] [clients]   (build first: mvn -q -B package -DskipTests)
# All traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/deepdash.jar}
clients=${2:-1000}
# Each stream is one socket in the client JVM and one in the server (which inherits this limit).
ulimit -n "$(( $(ulimit -Hn) < 65536 ? $(ulimit -Hn) : 65536 ))"
mvn -B -q -o test -Dgroups=bench -DexcludedGroups= -Dtest=SseClientsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dsse.jar="$(realpath "$jar")" -Dsse.clients="$clients"
