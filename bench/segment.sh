#!/bin/sh
# Segmentation speed and memory: the library on a 100 MB and a 400 MB
# stream (same peak memory expected), then the CLI end to end on a 100 MB
# file written to disk.  usage: bench/segment.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
data=$here/tests/data/seg
texts="$data/ud_gsd_dev.txt $data/ud_csui_train.txt $here/examples/pakistan-iran-1110299.id.txt"
for mb in 100 400; do
  "$build/bench_segment" "$here/dictionaries" $texts --mb $mb
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/corpus.txt"
while [ "$(wc -c < "$tmp/corpus.txt")" -lt 104857600 ]; do
  cat $texts >> "$tmp/corpus.txt"
done
size=$(wc -c < "$tmp/corpus.txt")
start=$(date +%s.%N)
JURU_DATA_DIR=$here/dictionaries "$build/juru" segment "$tmp/corpus.txt" > /dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$size" 'BEGIN {
  printf "juru segment (CLI, file to /dev/null): %.1f MB in %.3f s = %.1f MB/s\n",
         n / 1048576, e - s, n / 1048576 / (e - s) }'
