#!/bin/sh
# Analysis speed (>= 10 M tokens, one thread) and the start-up cost of
# `juru lookup` with the compiled dictionaries.  usage: bench/analyze.sh [BUILD]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
data=$here/tests/data/seg
"$build/bench_analyze" "$here/dictionaries" "$data/ud_gsd_dev.txt" \
  "$data/ud_csui_train.txt" "$here/examples/pakistan-iran-1110299.id.txt" \
  --tokens 10000000
export JURU_DATA_DIR="$here/dictionaries"
runs=50
start=$(date +%s%N)
i=0
while [ $i -lt $runs ]; do
  "$build/juru" lookup rudal > /dev/null
  i=$((i + 1))
done
end=$(date +%s%N)
echo "juru lookup rudal, end to end: $(( (end - start) / runs / 1000000 )) ms per run (mean of $runs)"
