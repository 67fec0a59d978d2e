#!/bin/sh
# Time and peak memory of `juru train` on 25,000 sentence pairs (one
# thread), then the chrF of the model it made, and the default model's
# load time.  The pairs are the PANL-BPPT economy, science and sport sets
# and Tatoeba when ../shared/data is there (as a user with their own corpus
# would train), else the open sets shipped in dictionaries/parallel.
#   usage: bench/train.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
juru=$build/juru
data=$here/../shared/data/parallel
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sets="panl_bppt_eco panl_bppt_sci panl_bppt_spo tatoeba_manythings talpco"
[ -f "$data/panl_bppt_eco.id" ] || { data=$here/dictionaries/parallel; sets=$(cd "$data" && ls *.id | sed 's/\.id$//'); }
for s in $sets; do paste "$data/$s.id" "$data/$s.en"; done | head -25000 > "$tmp/pairs.tsv"
echo "corpus: $(wc -l < "$tmp/pairs.tsv") pairs from $sets"
/usr/bin/time -f "juru train: %e s wall, %U s user, peak memory %M KiB" \
  "$juru" train -p "$tmp/pairs.tsv" -o "$tmp/m.model" 2>&1 | tail -2
ls -l "$tmp/m.model" | awk '{ printf "model file: %.1f MB\n", $5 / 1e6 }'
[ -x "$build/bench_model" ] && "$build/bench_model" "$tmp/m.model" 20
if [ -f "$here/../shared/data/parallel/panl_bppt_int.id" ]; then
  "$here/tests/eval/translate_eval.sh" "$juru" -- --model "$tmp/m.model"
fi
