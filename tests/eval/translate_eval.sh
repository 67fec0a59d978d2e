#!/bin/sh
# chrF of `juru translate` on parallel dev sets, and the speed on them.
#   tests/eval/translate_eval.sh [JURU] [DATA_DIR] [-- extra translate options]
# DATA_DIR holds NAME.id / NAME.en pairs (default: ../shared/data/parallel
# beside the project).  Sets: guntara_news_dev panl_bppt_int (override with
# $SETS).  Prints one line per set: name, sentences, chrF, sentences/s.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
juru=$here/build/juru
data=$here/../shared/data/parallel
if [ $# -gt 0 ] && [ "$1" != "--" ]; then juru=${1:-$juru}; shift; fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then data=${1:-$data}; shift; fi
if [ $# -gt 0 ] && [ "$1" = "--" ]; then shift; fi
sets=${SETS:-guntara_news_dev panl_bppt_int}
chrf=${CHRF:-$here/../shared/tools/chrf.py}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in $sets; do
  [ -f "$data/$s.id" ] || { echo "$s: missing $data/$s.id" >&2; continue; }
  n=$(wc -l < "$data/$s.id")
  t0=$(date +%s.%N)
  "$juru" translate --no-progress "$@" "$data/$s.id" > "$tmp/$s.hyp"
  t1=$(date +%s.%N)
  score=$(python3 "$chrf" "$tmp/$s.hyp" "$data/$s.en" | grep -oE '[0-9]+\.[0-9]+' | head -1)
  rate=$(python3 -c "print(round($n / ($t1 - $t0)))")
  printf '%-20s %6d sentences  chrF %6s  %7s sentences/s\n' "$s" "$n" "$score" "$rate"
  if [ -n "${KEEP:-}" ]; then cp "$tmp/$s.hyp" "$KEEP.$s.hyp"; fi
done
