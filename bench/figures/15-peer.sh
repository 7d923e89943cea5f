#!/usr/bin/env bash
# The peer: PyTorch (Debian's python3-torch, 1.13) training the same network, batch 32 and 128, on
# 2 threads (bench/peer_torch.py). Installs python3-torch with apt-get when it is missing and this
# runs as root. Leaves samples/s in $BENCH_WORK for the training figure.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# Debian's torch lives in the system Python; a pyenv or venv python3 first on PATH does not see it.
python3() {
  if command python3 -c 'import torch' 2>/dev/null || [ ! -x /usr/bin/python3 ]; then
    command python3 "$@"
  else
    /usr/bin/python3 "$@"
  fi
}
if ! python3 -c 'import torch' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing python3-torch..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch >&2 || true
  fi
fi
if ! python3 -c 'import torch' 2>/dev/null; then
  echo "| PyTorch peer | not installed (apt-get install python3-torch) | | |"
  exit 0
fi
version=$(python3 -c 'import torch; print(torch.__version__)')
samples=24000
[ "${QUICK:-0}" = 1 ] && samples=1024
ceiling=$(cat "$BENCH_WORK/ceiling-2" 2>/dev/null || echo 0)
for batch in 32 128; do
  rate=$(python3 "$here/peer_torch.py" $batch 2 $samples | sed 's/.*samplesPerSecond=//')
  echo "$rate" >"$BENCH_WORK/peer-$batch"
  python3 - "$batch" "$rate" "$ceiling" "$version" <<'PY'
import sys
batch, rate, ceiling, version = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
if ceiling > 0:
    ref = ceiling * 1e9 / 16.6e6
    print(f"| PyTorch {version} peer, batch {batch}, 2 threads | {rate:,.0f} samples/s | 2-core ceiling "
          f"{ref:,.0f} samples/s | {rate / ref:.3f} |")
else:
    print(f"| PyTorch {version} peer, batch {batch}, 2 threads | {rate:,.0f} samples/s | | |")
PY
done
