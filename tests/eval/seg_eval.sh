#!/bin/sh
# Segmentation quality on the gold sets in tests/data/seg.
# usage: seg_eval.sh JURU DATA_DIR [--check]
# With --check, fail when a set misses the bar the project promises:
# F1 >= 0.99 on UD CSUI, >= 0.95 on UD GSD, every Sastrawi boundary right.
set -eu
juru=$1 data=$2 check=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for set in ud_csui_train:0.99:0 ud_gsd_dev:0.95:0 sastrawi_sd:1.0:1.0; do
  name=${set%%:*} rest=${set#*:}
  f1=${rest%%:*} prec=${rest#*:}
  "$juru" segment --format jsonl "$data/$name.txt" > "$tmp/$name.jsonl"
  bars=""
  [ -n "$check" ] && bars="--min-f1 $f1 --min-precision $prec"
  python3 "$(dirname "$0")/seg_score.py" "$data/$name.txt" "$data/$name.sents" \
    "$tmp/$name.jsonl" --write-sents "$tmp/$name.pred" $bars || status=1
done
exit $status
