#!/bin/sh
# tests/browser/run.sh FAZHI — the browser tier: builds a demo county in a
# temp dir, serves it on a free local port, runs tests/browser/test.mjs and
# then tests/browser/kinds.mjs (issue 15: 系统管理, a county's own 台账, the
# report editor) against it in Debian's Chromium (playwright-core), stops
# the server.
# Needs `sh tools/deps.sh browser` first (chromium, node, playwright-core).
# Each test prints its own "N passed, N failed"; the last line sums them.
# Exit status non-zero on any failure.
# The temp dir (server log, failure screenshots) is kept when something fails.
set -u
[ $# -ge 1 ] || { echo "usage: sh tests/browser/run.sh path/to/fazhi" >&2; echo "0 passed, 1 failed"; exit 2; }
FAZHI=$1
case $FAZHI in /*) ;; *) FAZHI=$(pwd)/$FAZHI ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)

fail() { echo "$*"; echo "0 passed, 1 failed"; exit 1; }
[ -x "$FAZHI" ] || fail "no fazhi binary at $FAZHI (make -s first)"
command -v node >/dev/null || fail "node is missing: sh tools/deps.sh browser"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium is missing: sh tools/deps.sh browser"
[ -d "$HERE/node_modules/playwright-core" ] || fail "playwright-core is missing: sh tools/deps.sh browser"

T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-browser.XXXXXX") || fail "mktemp failed"
PID=""      # the server
TPID=""     # the test (timeout node test.mjs), run in the background so a signal is handled at once
KEEP=1
cleanup() {
  if [ -n "$TPID" ]; then
    kill "$TPID" 2>/dev/null
    wait "$TPID" 2>/dev/null
    TPID=""
  fi
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null
    wait "$PID" 2>/dev/null
    PID=""
  fi
  if [ "$KEEP" = 0 ]; then rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

"$FAZHI" demo --db "$T/b.db" --no-serve >"$T/demo.log" 2>&1 || { cat "$T/demo.log"; fail "fazhi demo failed (log in $T)"; }

# A free port: ask the kernel for one, then start the server on it; if
# something else grabbed it in between, the server exits and we try again.
# up: 0 listening, 1 server exited, 2 timed out (10 s).
up() {
  node -e '
    const net = require("net"), [pid, port] = process.argv.slice(1).map(Number);
    const t0 = Date.now();
    (function poll() {
      try { process.kill(pid, 0); } catch { process.exit(1); }
      const s = net.connect(port, "127.0.0.1");
      s.on("connect", () => { s.destroy(); process.exit(0); });
      s.on("error", () => { if (Date.now() - t0 > 10000) process.exit(2); setTimeout(poll, 50); });
    })();' "$1" "$2"
}
PORT=""
for _ in 1 2 3 4 5; do
  p=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})') || fail "could not pick a port"
  FAZHI_QUIET=1 "$FAZHI" serve --db "$T/b.db" --listen "127.0.0.1:$p" >"$T/serve.log" 2>&1 &
  PID=$!
  up "$PID" "$p"; rc=$?
  if [ $rc = 0 ]; then PORT=$p; break; fi
  kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=""
  [ $rc = 2 ] && break
done
[ -n "$PORT" ] || { cat "$T/serve.log"; fail "fazhi serve did not start (log in $T)"; }

# Each test prints its own "N passed, N failed" last, also when stopped by a
# signal (timeout's TERM after 120 s); only a KILL leaves it to us. Its
# output goes to a file (shown when it ends) so the counts can be summed.
OUT=""
NP=0; NF=0; RC=0
stop() {   # a signal: the running test prints why and its count, then the sum
  if [ -n "$TPID" ]; then kill "$TPID" 2>/dev/null; wait "$TPID" 2>/dev/null; TPID=""; fi
  [ -n "$OUT" ] && cat "$OUT"
  echo "$NP passed, $((NF+1)) failed"
  exit "$1"
}
trap 'stop 130' INT
trap 'stop 143' TERM HUP
for t in test kinds; do
  OUT=$T/$t.out
  BROWSER_OUT=$T timeout -k 5 120 node "$HERE/$t.mjs" "http://127.0.0.1:$PORT" >"$OUT" 2>&1 &
  TPID=$!
  wait "$TPID"; rc=$?
  TPID=""
  echo "--- tests/browser/$t.mjs"
  cat "$OUT"; OUT=""
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$T/$t.out" | tail -n 1)
  np=${line%% passed*}; nf=${line#*, }; nf=${nf%% failed}
  if [ $rc = 137 ]; then echo "the browser test $t.mjs hung and was killed (server log: $T)"; np=0; nf=1
  elif [ -z "$line" ]; then np=0; nf=1
  fi
  [ $rc = 0 ] || [ "$nf" -gt 0 ] || nf=1
  NP=$((NP+np)); NF=$((NF+nf))
  [ $rc = 0 ] || RC=$rc
done
echo "$NP passed, $NF failed"
[ $RC = 0 ] && [ $NF = 0 ] && KEEP=0
exit $RC
