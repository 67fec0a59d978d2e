# Shared by the backend cases: start_server [server options] starts the
# test server on a random port and sets $URL; the server is stopped and the
# scratch directory $d removed when the case ends.  Every case runs with
# its own translation memory and config directory.
d=$(mktemp -d)
SERVER_PIDS=""
cleanup() {
  for p in $SERVER_PIDS; do kill "$p" 2>/dev/null || true; done
  rm -rf "$d"
}
trap cleanup EXIT
export XDG_CACHE_HOME="$d/cache" XDG_CONFIG_HOME="$d/config"
unset JURU_BACKEND JURU_URL JURU_MODEL DEEPL_AUTH_KEY GOOGLE_API_KEY OPENAI_API_KEY
here_backend=${JURU_TEST_BACKEND_DIR:-$(cd ../../../backend && pwd)}
start_server() {
  rm -f "$d/port"
  python3 "$here_backend/server.py" --port-file "$d/port" "$@" > "$d/server.log" 2>&1 &
  SERVER_PIDS="$SERVER_PIDS $!"
  SERVER_PID=$!
  i=0
  while [ ! -s "$d/port" ]; do
    i=$((i + 1)); [ $i -lt 100 ] || { echo "server did not start"; exit 1; }
    sleep 0.05
  done
  URL="http://127.0.0.1:$(cat "$d/port")"
}
