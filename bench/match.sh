#!/bin/sh
# Glossary matching: Juru's matcher with 100,000 and 1,000,000 terms over a
# 100 MB corpus, and GNU grep -F -w -i -f over the same terms and corpus
# (grep matches strings; Juru matches tokens, longest-leftmost, through
# morphology).  usage: bench/match.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
texts="$here/tests/data/seg/ud_gsd_dev.txt $here/tests/data/seg/ud_csui_train.txt $here/examples/pakistan-iran-1110299.id.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 100000 1000000; do
  "$build/bench_match" "$here/dictionaries" $texts --terms $n --mb 100 \
    --terms-out "$tmp/terms-$n.txt" --corpus-out "$tmp/corpus.txt"
done
size=$(wc -c < "$tmp/corpus.txt")
for n in 100000 1000000; do
  start=$(date +%s%N)
  # LC_ALL=C: byte-wise case folding (a UTF-8 locale makes grep -i with this
  # many patterns crawl, or run out of memory)
  LC_ALL=C timeout 600 grep -F -w -i -f "$tmp/terms-$n.txt" "$tmp/corpus.txt" \
    > /dev/null || true
  end=$(date +%s%N)
  awk -v n=$n -v s="$start" -v e="$end" -v b="$size" 'BEGIN {
    t = (e - s) / 1e9
    printf "grep -F -w -i -f (%d terms): %.1f MB in %.2f s = %.1f MB/s\n", n, b / 1048576, t, b / 1048576 / t }'
done
