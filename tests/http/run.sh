#!/bin/sh
# tests/http/run.sh FAZHI — run every tests/http/NNN-*.sh against the binary
# FAZHI, each with its own server on 127.0.0.1:random and its own copy of the
# demo database (built once here, with FAZHI_TODAY pinned so every figure is
# reproducible). Prints each failing check, one line per script, and
# "N passed, N failed" as the last line; exits non-zero on any failure.
#
#   sh tests/http/run.sh build/fazhi            all scripts
#   sh tests/http/run.sh build/fazhi 040 060    only these
#   FAZHI_SAN=1 sh tests/http/run.sh build-san/fazhi   (detected when the binary has ASan)
#   FZ_JOBS=1 sh tests/http/run.sh build/fazhi         one script at a time
#   FZ_BACKEND=pg sh tests/http/run.sh build/fazhi     on PostgreSQL: a throwaway
#                  cluster is started (tools/pgtmp.sh) unless FZ_PG_BASE names one
if [ $# -lt 1 ]; then echo "usage: sh tests/http/run.sh path/to/fazhi [NNN ...]" >&2; exit 2; fi
FAZHI=$1; shift
case $FAZHI in /*) ;; *) FAZHI=$(cd "$(dirname "$FAZHI")" && pwd)/$(basename "$FAZHI") ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
: "${FAZHI_TODAY:=2026-06-30}"
export FAZHI FAZHI_TODAY

for tool in curl jq sqlite3 iconv unzip tidy; do
  command -v $tool >/dev/null 2>&1 || echo "warning: $tool is not installed (apt-get install -y $tool)" >&2
done

TOTAL_PASS=0
TOTAL_FAIL=0
W=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-http-run.XXXXXX")
trap 'exit 130' INT TERM

# PostgreSQL: a cluster of our own, stopped by its PID however the run ends.
PGSTARTED=
if [ "${FZ_BACKEND:-}" = pg ] && [ -z "${FZ_PG_BASE:-}" ]; then
  if out=$(sh "$HERE/../../tools/pgtmp.sh" start 2>&1); then
    eval "$out"
    PGSTARTED=1
  else
    echo "FAIL [run] could not start PostgreSQL:"; printf '%s\n' "$out" | sed 's/^/     | /' | head -20
    echo "0 passed, 1 failed"; exit 1
  fi
fi
trap 'rm -rf "$W"; [ -n "$PGSTARTED" ] && sh "$HERE/../../tools/pgtmp.sh" stop' EXIT

# One demo database for every script (each copies it).
if [ -n "${FZ_PG_BASE:-}" ]; then
  # its audit key, shared by every copy (a SQLite file's is beside it)
  if [ -z "${FAZHI_KEY_FILE:-}" ] && [ -z "${FAZHI_KEY:-}" ]; then FAZHI_KEY_FILE=$W/pg.key; export FAZHI_KEY_FILE; fi
  DEMO_TARGET="$FZ_PG_BASE dbname=demo_$$"
  psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE demo_$$" >"$W/demo.out" 2>&1
else
  DEMO_TARGET=$W/demo.db
fi
if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$FAZHI" demo --db "$DEMO_TARGET" --no-serve >>"$W/demo.out" 2>&1; then
  if [ -n "${FZ_PG_BASE:-}" ]; then FZ_PG_DEMO=demo_$$; export FZ_PG_DEMO
  else FZ_DEMO_DB=$W/demo.db; export FZ_DEMO_DB; fi
else
  echo "FAIL [run] fazhi demo --db … --no-serve exited with $?:"
  sed 's/^/     | /' "$W/demo.out" | head -20
  TOTAL_FAIL=$((TOTAL_FAIL+1))
fi

# Scripts are independent (own server, own database copy, own port): run
# FZ_JOBS of them at a time (default: the number of CPUs), report in order.
JOBS=${FZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
[ "$JOBS" -ge 1 ] 2>/dev/null || JOBS=1
FILTER="$*"
NAMES=
PIDS=
for t in "$HERE"/[0-9][0-9][0-9]-*.sh; do
  name=$(basename "$t" .sh)
  if [ -n "$FILTER" ]; then
    want=0
    for n in $FILTER; do case $name in "$n"*) want=1 ;; esac; done
    [ $want = 1 ] || continue
  fi
  NAMES="$NAMES $name"
  ( sh "$t" >"$W/$name.out" 2>&1; echo $? >"$W/$name.rc" ) &
  PIDS="$PIDS $!"
  set -- $PIDS
  if [ $# -ge "$JOBS" ]; then
    wait "$1"
    shift
    PIDS="$*"
  fi
done
wait

for name in $NAMES; do
  rc=$(cat "$W/$name.rc" 2>/dev/null || echo 99)
  last=$(tail -n 1 "$W/$name.out")
  p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    # the script died before finish: count it as one failure and show its end
    p=0; f=1
    echo "FAIL [$name] did not finish (exit $rc); last lines:"
    tail -n 15 "$W/$name.out" | sed 's/^/     | /'
  elif [ "$f" -eq 0 ] && [ "$rc" -ne 0 ]; then
    f=1
    echo "FAIL [$name] exit status $rc"
  fi
  grep -v '^[0-9]* passed, [0-9]* failed$' "$W/$name.out" | grep -E '^(FAIL|     )' | head -200
  printf '%-28s %4d passed, %3d failed\n' "$name" "$p" "$f"
  TOTAL_PASS=$((TOTAL_PASS+p))
  TOTAL_FAIL=$((TOTAL_FAIL+f))
done

echo "$TOTAL_PASS passed, $TOTAL_FAIL failed"
[ "$TOTAL_FAIL" -eq 0 ]
