#!/bin/sh
# tests/browser/run.sh FAZHI — the browser tier: builds a demo county in a
# temp dir, serves it on a free local port and runs, in Debian's Chromium
# (playwright-core), tests/browser/test.mjs (a clerk's day and the report),
# kinds.mjs (issue 15: 系统管理, a county's own 台账, the report editor),
# lists.mjs (issue 17 §4: sorting, page size, the 新增 form's proposals and
# pickers, 批量删除 in its dialog, at 1366x768 and 390x844),
# todo.mjs (issue 17 §1: this month's overdue work in ≤ 3 clicks from 待办),
# layout.mjs (every menu page of each role at 1366x768 and 390x844),
# dashboard.mjs (each role's 工作台 at both sizes, issue 17 §2) and
# flow.mjs (issue 17's task walks with their clicks counted: a 复议 case
# entered and closed through its step dialogs, the report as Word) and
# scan.mjs (issue 17: an inspector on a phone logs a 扫码入企 inspection,
# both officers chosen from the list, clicks counted), then stops the server. They share harness.mjs (Chromium, the count line).
# Needs `sh tools/deps.sh browser` first (chromium, node, playwright-core).
# Last line: "N passed, N failed" summing them all; exit status non-zero
# on any failure. The temp dir (server log, failure screenshots) is kept
# when something fails; the home-page screenshots go to BROWSER_SHOTS
# (default: browser/ beside the binary). BROWSER_ONLY="kinds.mjs flow.mjs" runs only those.
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
# signal (timeout's TERM); only a KILL leaves it to us. test.mjs walks a
# clerk's day (120 s at most); kinds.mjs defines a county's own 台账 and
# follows it to the report (120 s); layout.mjs opens every menu page of four
# roles on a desktop and a phone (600 s at most); dashboard.mjs opens the
# 工作台 of four roles at both sizes (180 s). Screenshots of each role's
# home page and dashboard go to $SHOTS, kept after the run.
SHOTS=${BROWSER_SHOTS:-$(dirname "$FAZHI")/browser}
mkdir -p "$SHOTS" || fail "cannot make $SHOTS"
NP=0; NF=0; RC=0
run_test() {     # run_test LIMIT_S FILE OUTDIR (BROWSER_ONLY="a.mjs b.mjs": only those)
  case " ${BROWSER_ONLY:-$2} " in *" $2 "*) ;; *) return 0 ;; esac
  timeout -k 5 "$1" env BROWSER_OUT="$3" node "$HERE/$2" "http://127.0.0.1:$PORT" >"$T/$2.out" 2>&1 &
  TPID=$!
  wait "$TPID"; rc=$?
  TPID=""
  cat "$T/$2.out"
  if [ $rc = 137 ]; then echo "$2 hung and was killed (server log: $T)"; echo "0 passed, 1 failed" >>"$T/$2.out"; fi
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$T/$2.out" | tail -n 1)
  np=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p'); nf=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed$/\1/p')
  [ -n "$np" ] || { np=0; nf=1; }
  [ $rc = 0 ] || [ "$nf" -gt 0 ] || nf=1
  NP=$((NP+np)); NF=$((NF+nf))
  [ $rc = 0 ] || RC=1
}
run_test 120 test.mjs "$T"
run_test 120 kinds.mjs "$T"
run_test 120 lists.mjs "$T"
run_test 120 todo.mjs "$SHOTS"
run_test 600 layout.mjs "$SHOTS"
run_test 180 dashboard.mjs "$SHOTS"
run_test 120 flow.mjs "$T"
run_test 120 scan.mjs "$T"
echo "home-page screenshots (desktop and phone, each role): $SHOTS"
echo "$NP passed, $NF failed"
[ $RC = 0 ] && [ $NF = 0 ] && KEEP=0
[ $NF = 0 ] && exit $RC
exit 1
