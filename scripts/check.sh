#!/bin/sh
# The whole test suite, as CI runs it (.ci/run):
#   1. install missing packages (scripts/install-deps.sh --test);
#   2. release build: unit tests, CLI suites, quality evaluation, fuzz
#      corpus replay (ctest);
#   3. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer;
#   4. the CLI suites with juru under valgrind;
#   5. libFuzzer targets built with clang, sanitized, each fuzzed for
#      FUZZ_SECONDS (default 60), as many at once as there are cores.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
fuzz_seconds=${FUZZ_SECONDS:-60}

started=$(date +%s)
# each step says how far into the run it starts, so a slow CI run shows
# where its time went
step() { printf '\n==> [%ss] %s\n' "$(($(date +%s) - started))" "$*"; }

step "missing packages"
scripts/install-deps.sh --test

step "release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DJURU_WERROR=ON > /dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

step "ASan+UBSan build and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJURU_SANITIZE=ON \
  -DJURU_WERROR=ON -DJURU_MODEL_FROM="$PWD/build/share/juru/compiled/default.model" \
  > /dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

step "CLI suites under valgrind (memory errors and leaks)"
# the modules in as many runs at once as there are cores
valgrind_suites() {
  for m in "$@"; do
    JURU_UNDER_VALGRIND=$PWD/build/juru JURU_DATA_DIR=$PWD/dictionaries \
      tests/run-suites.sh tests/valgrind-juru.sh tests/suites "$m/" || return 1
  done
}
modules=$(cd tests/suites && ls)
pids=""
for k in $(seq "$jobs"); do
  mine=$(echo "$modules" | awk -v k="$k" -v n="$jobs" '(NR - 1) % n == k - 1')
  valgrind_suites $mine > "build/valgrind-$k.log" 2>&1 & pids="$pids $!"
done
failed=0
for pid in $pids; do wait "$pid" || failed=1; done
cat build/valgrind-*.log
[ $failed = 0 ]

step "libFuzzer targets, ${fuzz_seconds}s each"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DJURU_FUZZ=ON \
  -DJURU_SANITIZE=ON > /dev/null
targets="segment lexicon datafile morph glossary extract translate backend model"
for target in $targets; do
  cmake --build build-fuzz -j "$jobs" --target fuzz_$target
done
# One target's run: its seed corpus plus fuzz_seconds of fuzzing, in a
# scratch copy of the corpus; the log's last line reports, or its tail
# and the failure.
fuzz_one() {
  work=$(mktemp -d)
  cp tests/fuzz/corpus/$1/* "$work/"
  if JURU_DATA_DIR=$PWD/dictionaries build-fuzz/tests/fuzz_$1 \
      -max_total_time="$fuzz_seconds" -max_len=65536 "$work" \
      > "$work.log" 2>&1; then
    echo "fuzz_$1: $(tail -1 "$work.log")"
    rm -rf "$work" "$work.log"
  else
    tail -40 "$work.log"
    echo "fuzz_$1 failed (log: $work.log)"
    return 1
  fi
}
set -- $targets
while [ $# -gt 0 ]; do
  pids=""
  for _ in $(seq "$jobs"); do
    [ $# -gt 0 ] || break
    fuzz_one "$1" & pids="$pids $!"
    shift
  done
  for pid in $pids; do wait "$pid" || exit 1; done
done

step "all checks passed"
