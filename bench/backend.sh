#!/bin/sh
# The backend client against a test server that takes 50 ms per request:
# 1,000 sentences with the defaults (batches within the API's limit, 4
# requests at once), and with one sentence per request for comparison.
#   usage: bench/backend.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
d=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$d"' EXIT
export JURU_DATA_DIR=$here/dictionaries XDG_CACHE_HOME=$d/cache XDG_CONFIG_HOME=$d/config
python3 "$here/tests/backend/server.py" --port-file "$d/port" --delay-ms 50 > /dev/null 2>&1 &
pid=$!
while [ ! -s "$d/port" ]; do sleep 0.05; done
url=http://127.0.0.1:$(cat "$d/port")
i=0; while [ $i -lt 1000 ]; do echo "Kalimat nomor $i datang."; i=$((i + 1)); done > "$d/in.txt"
run() {
  t0=$(date +%s.%N)
  "$build/juru" translate --no-cache -b libretranslate --url "$url" "$@" "$d/in.txt" > /dev/null 2> "$d/err"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v o="$*" -v r="$(grep -o '[0-9]* requests' "$d/err")" 'BEGIN {
    printf "1,000 sentences, 50 ms per request, %-24s %6.2f s wall (%s)\n", (o == "" ? "defaults:" : o ":"), b - a, r }'
}
run
run --batch 1 --jobs 4
echo "(one request per sentence, one at a time, would take 1,000 x 50 ms = 50 s)"
