#!/bin/sh
# Runs the data-driven suites: tests/suites/<module>/<case>/ holds
#   input      the input file (the command names it as "input")
#   args       the command line after "juru" (default: "segment input")
#   stdin      fed to standard input when present
#   expected   the exact standard output (omit to not check it)
#   status     the expected exit status (default 0)
#   stderr     lines that must each appear in standard error
#   script     instead of the above: a sh script run with $JURU set; it
#              fails the case by exiting non-zero
# usage: run-suites.sh JURU SUITES_DIR [CASE_FILTER]
# (a filter ending in / is a module: "translate/"; else any part of a name)
set -u
JURU=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
filter=${3:-}
export JURU
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$root"/*/*/; do
  dir=${dir%/}
  name=${dir#"$root"/}
  case $filter in
    */) case $name in "$filter"*) ;; *) continue ;; esac ;;  # a module
    *) case $name in *"$filter"*) ;; *) continue ;; esac ;;
  esac
  ok=1
  started=$(date +%s)
  if [ -f "$dir/script" ]; then
    (cd "$dir" && sh ./script) > "$tmp/out" 2> "$tmp/err" || ok=0
  else
    args="segment input"
    [ -f "$dir/args" ] && args=$(cat "$dir/args")
    want_status=0
    [ -f "$dir/status" ] && want_status=$(cat "$dir/status")
    if [ -f "$dir/stdin" ]; then
      (cd "$dir" && eval "\"\$JURU\" $args" < stdin) > "$tmp/out" 2> "$tmp/err"
    else
      (cd "$dir" && eval "\"\$JURU\" $args" < /dev/null) > "$tmp/out" 2> "$tmp/err"
    fi
    got_status=$?
    if [ "$got_status" != "$want_status" ]; then
      echo "$name: exit status $got_status, expected $want_status"
      ok=0
    fi
    if [ -f "$dir/expected" ] && ! cmp -s "$dir/expected" "$tmp/out"; then
      echo "$name: standard output differs:"
      diff "$dir/expected" "$tmp/out" | head -20
      ok=0
    fi
    if [ -f "$dir/stderr" ]; then
      while IFS= read -r line; do
        if ! grep -qF -- "$line" "$tmp/err"; then
          echo "$name: standard error lacks: $line"
          ok=0
        fi
      done < "$dir/stderr"
    fi
  fi
  took=$(($(date +%s) - started))
  # slow cases are named so a slow CI run shows where its time went
  [ $took -lt 20 ] || echo "$name: ${took}s"
  if [ $ok = 1 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    sed 's/^/  stderr: /' "$tmp/err" | head -5
  fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
