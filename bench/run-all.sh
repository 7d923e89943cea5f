#!/usr/bin/env bash
# One command for the performance figures of issue 13: runs every executable bench/figures/*.sh in
# name order (each prints markdown table rows `| figure | measured | reference | ratio |`, every
# reference measured in this same run), prints one table, and writes it with the date and the
# machine into docs/performance.md between <!-- run-all:begin --> and <!-- run-all:end -->.
#   bench/run-all.sh             the full run (tens of minutes; run it on a quiet machine)
#   QUICK=1 bench/run-all.sh     small sizes, a smoke test of every figure (figures are not comparable)
# Figure scripts share: $JAR (the product), $BENCH_CP (the jar plus the test classes, for the bench
# mains under src/test/java/deepdash/bench), $BENCH_WORK (a scratch folder where a figure leaves
# values for later ones, e.g. the matmul ceiling), $QUICK. Their stderr goes to $BENCH_WORK/log.
# Not part of `mvn verify`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export QUICK=${QUICK:-0}
export JAR="$root/target/deepdash.jar"
if [ ! -f "$JAR" ] || [ ! -d "$root/target/test-classes/deepdash/bench" ]; then
  echo "building the jar and the test classes (mvn package -DskipTests)..." >&2
  mvn -B -o -q package -DskipTests >&2
fi
export BENCH_CP="$root/target/test-classes:$JAR"
export BENCH_WORK=$(mktemp -d)
trap 'rm -rf "$BENCH_WORK"' EXIT

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
machine="$(nproc) cores ($cpu), $mem memory, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
rows="$BENCH_WORK/rows.md"
: >"$rows"
for figure in bench/figures/*.sh; do
  [ -x "$figure" ] || continue
  echo "running $figure..." >&2
  if ! "$figure" >>"$rows" 2>>"$BENCH_WORK/log"; then
    echo "| $(basename "$figure") | failed (see its stderr) | | |" >>"$rows"
    tail -5 "$BENCH_WORK/log" >&2
  fi
done

table="$BENCH_WORK/table.md"
{
  echo "| figure | measured | reference | ratio |"
  echo "|---|---|---|---|"
  cat "$rows"
} >"$table"
cat "$table"

mode=$([ "$QUICK" = 1 ] && echo "QUICK=1 (smoke test, small sizes: not comparable)" || echo "full")
section="$BENCH_WORK/section.md"
{
  echo "<!-- run-all:begin -->"
  echo "## All figures, one run (bench/run-all.sh)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $mode; machine: $machine."
  echo
  cat "$table"
  echo "<!-- run-all:end -->"
} >"$section"
python3 - "$root/docs/performance.md" "$section" <<'PY'
import sys
path, section = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
text = open(path).read()
begin, end = "<!-- run-all:begin -->", "<!-- run-all:end -->"
if begin in text and end in text:
    text = text[:text.index(begin)] + section + text[text.index(end) + len(end):]
else:
    # At the top, under the title and its first paragraph.
    head, sep, rest = text.partition("\n\n")
    para, sep2, rest2 = rest.partition("\n\n")
    text = head + sep + para + sep2 + section + "\n\n" + rest2
open(path, "w").write(text)
PY
echo "written to docs/performance.md" >&2
