#!/bin/sh
# Translation speed, start-up time and peak memory of `juru translate`
# (one thread).  Sentences per second on the parallel dev sets (or on any
# NAME.id files given): the default (model and the article's automatic
# glossary), without the glossary, and without the model; start-up on a
# one-sentence file; the model's load time; peak RSS on the largest set.
#   usage: bench/translate.sh [BUILD_DIR] [FILE.id...]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
files=${*:-}
if [ -z "$files" ]; then
  for s in guntara_news_dev panl_bppt_int; do
    f=$here/../shared/data/parallel/$s.id
    [ -f "$f" ] && files="$files $f"
  done
fi
[ -n "$files" ] || files=$here/examples/pakistan-iran-1110299.id.txt
export JURU_DATA_DIR=$here/dictionaries
juru=$build/juru
now() { date +%s.%N; }
for f in $files; do
  n=$(wc -l < "$f")
  for opt in "" --no-auto-glossary --no-model; do
    t0=$(now); "$juru" translate --no-progress $opt "$f" > /dev/null; t1=$(now)
    awk -v n="$n" -v a="$t0" -v b="$t1" -v f="$(basename "$f")" -v o="${opt:-(default)}" 'BEGIN {
      printf "%-22s %-20s %6d sentences in %.3f s = %6.0f sentences/s\n", f, o, n, b - a, n / (b - a) }'
  done
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "Presiden mengatakan bahwa kantor polisi itu dibangun." > "$tmp/one.txt"
if command -v hyperfine > /dev/null; then
  hyperfine -N -w 3 -r 30 --export-json "$tmp/h.json" "$juru translate $tmp/one.txt" > /dev/null
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('start-up (one sentence): %.1f ms mean, %.1f ms max' % (r['mean']*1e3, r['max']*1e3))" "$tmp/h.json"
else
  t0=$(now); "$juru" translate "$tmp/one.txt" > /dev/null; t1=$(now)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "start-up (one sentence): %.1f ms\n", (b - a) * 1000 }'
fi
model=$build/share/juru/compiled/default.model
[ -f "$model" ] && [ -x "$build/bench_model" ] && "$build/bench_model" "$model" 20
big=$(ls -S $files | head -1)
/usr/bin/time -f "peak memory on $(basename "$big"): %M KiB" "$juru" translate --no-progress "$big" 2>&1 > /dev/null | tail -1
