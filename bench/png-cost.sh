#!/usr/bin/env bash
# What a costly canvas image costs the server: a well-formed 2048x2048 RGBA PNG at 16 bits a
# channel (tens of kilobytes) sent to POST /api/predict, once and then eight at once. Reports the
# HTTP status, wall time, the server's CPU time (utime+stime from /proc, so a busy machine does
# not inflate it) and its peak resident memory above idle (VmRSS sampled every 50 ms).
# Usage: [JAR=path/to/deepdash.jar] bench/png-cost.sh     (build first: mvn -q -B package -DskipTests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${JAR:-"$root/target/deepdash.jar"}
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port/api/predict"

python3 - "$work" <<'PY'
import base64, json, struct, sys, zlib
def png(side, depth):
    pixel = b"\0" * (3 * depth // 8) + b"\xff" * (depth // 8)       # opaque black
    raw = (b"\0" + pixel * side) * side                              # filter "none" on every line
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", side, side, depth, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
for name, side, depth in (("large", 2048, 16), ("warm", 280, 8)):
    data = png(side, depth)
    if name == "large":
        print(f"image: {side}x{side} RGBA, {depth} bits a channel, {len(data):,} bytes of PNG")
    with open(f"{sys.argv[1]}/{name}.json", "w") as out:
        json.dump({"image": "data:image/png;base64," + base64.b64encode(data).decode()}, out)
PY

java ${JVM_OPTS:-} -jar "$jar" --port "$port" --data-dir "$work/data" >"$work/server.log" 2>&1 &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$server/stat"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
post() { curl -s -o "$work/resp-$1" -w '%{http_code}\n' -H 'Content-Type: application/json' --data-binary "@$2" "$url"; }

# Warm-up: an empty 280x280 canvas (refused as empty after decoding) loads ImageIO and the preprocessor.
for i in 1 2 3; do post warm "$work/warm.json" >/dev/null; done
sleep 2

measure() {  # measure <label> <count>
  local idle peak before start pids=() sampler
  idle=$(rss); before=$(cpu); start=$(date +%s%N)
  (peak=0; while true; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 0.05; done) &
  sampler=$!
  for i in $(seq "$2"); do post "$1-$i" "$work/large.json" >"$work/code-$1-$i" & pids+=($!); done
  wait "${pids[@]}"
  local wall=$(( ($(date +%s%N) - start) / 1000000 )) spent=$(( $(cpu) - before ))
  sleep 0.2; kill "$sampler"; wait "$sampler" 2>/dev/null || true
  peak=$(cat "$work/peak" 2>/dev/null || echo "$idle")
  printf '%-14s %-22s wall %6d ms   server CPU %6d ms   peak RSS +%d MB above idle %d MB\n' "$1" \
    "$(cat "$work"/code-"$1"-* | sort | uniq -c | awk '{printf "%sx%s ", $1, $2}')" "$wall" "$spent" \
    $(( (peak - idle) / 1024 )) $(( idle / 1024 ))
  rm -f "$work/peak"
}
measure one 1
sleep 2
measure eight 8
echo "answer: $(head -c 200 "$work/resp-one-1")"
