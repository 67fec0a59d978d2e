# Sourced by the replay-*/script cases with $ways set ("juru ARGS" each, "|"
# between them; FILE is the bad input, ok a good article): each bad input
# of this catalogue that `translate input` rejects (the cases with input,
# status and stderr) is rejected the same way by each of the ways: the same
# exit status and message, at the same line:column.  (HTML is only refused
# by translate.)
set -u
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
printf 'Kantor itu baru.\n' > "$d/ok"
failed=0
for case in ../*/; do
  case=${case%/}
  name=${case#../}
  case $name in html-*) continue ;; esac
  [ -f "$case/input" ] && [ -f "$case/status" ] && [ -f "$case/stderr" ] || continue
  [ "$(cat "$case/args")" = "translate input" ] || continue
  want=$(cat "$case/status")
  msg=$(sed -n '1s/^input://p' "$case/stderr")
  cp "$case/input" "$d/$name"
  old_ifs=$IFS
  IFS='|'
  set -- $ways
  IFS=$old_ifs
  for how in "$@"; do
    set -- $how
    args=
    for a in "$@"; do
      case $a in FILE) a="$d/$name" ;; ok) a="$d/ok" ;; esac
      args="$args $a"
    done
    where="$d/$name"
    [ "$2" = - ] && where="<stdin>"
    "$JURU" $args < "$d/$name" > "$d/out" 2> "$d/err"
    rc=$?
    if [ $rc != "$want" ] || ! grep -qF -- "$where:$msg" "$d/err"; then
      echo "$name: juru $how: status $rc (expected $want)" >&2
      sed 's/^/  /' "$d/err" >&2
      failed=1
    fi
  done
done
exit $failed
