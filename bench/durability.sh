#!/bin/sh
# bench/durability.sh FAZHI — what synchronous=FULL costs (issue 13 §8).
#
# fazhi commits SQLite writes with WAL and synchronous=FULL: the WAL is
# fsynced at every commit, so an acknowledged write survives a power loss.
# This compares the binary as built with the same binary relinked with
# synchronous=NORMAL (only src/db/sqlite.c recompiled with that pragma),
# in the same run, ABBA order:
#   1. write requests/s: wrk POST /api/v1/k/reconsideration (one write
#      transaction each) on fresh copies of the demo database
#   2. import rate: `fazhi import` of a generated 办件 CSV (one transaction)
# Knobs: BENCH_CASES (200000), BENCH_DURATION (8s), BENCH_PORT (18441).
# Loopback only; stops only the servers it started, by pid. About two
# minutes on 2 cores. Output: bench/out/dur/summary.txt.
set -eu
FAZHI=${1:-build/fazhi}
case $FAZHI in /*) ;; *) FAZHI=$(pwd)/$FAZHI ;; esac
cd "$(dirname "$0")/.."
OUT=$(pwd)/bench/out/dur
BUILD=$(dirname "$FAZHI")
NCASE=${BENCH_CASES:-200000}
DUR=${BENCH_DURATION:-8s}
PORT=${BENCH_PORT:-18441}
YEAR=$(( $(date +%Y) - 2 ))
[ -f "$BUILD/src/db/sqlite.o" ] || { echo "durability.sh: no objects under $BUILD/src (run make first)" >&2; exit 2; }
command -v wrk >/dev/null 2>&1 || sh tools/deps.sh bench
mkdir -p "$OUT/csv"
rm -rf "$OUT"/*.db* "$OUT"/*.txt
PIDS=""
cleanup(){ for p in $PIDS; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
now(){ date +%s.%N; }
secs(){ awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.3f", b-a }'; }
ratio(){ awk -v a="$1" -v b="$2" 'BEGIN{ if( b>0 ) printf "%.2f", a/b; else print "n/a" }'; }
best(){ awk -v a="$1" -v b="$2" 'BEGIN{ print (a+0>b+0) ? a : b }'; }
say(){ echo "$*"; echo "$*" >> "$OUT/log.txt"; }

# The NORMAL twin: sqlite.c with the one pragma changed, linked with the rest.
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
CFLAGS="-std=c11 -D_GNU_SOURCE -O2 -g -Isrc $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"
grep -q 'PRAGMA synchronous=FULL;' src/db/sqlite.c || { echo "durability.sh: src/db/sqlite.c sets no synchronous=FULL" >&2; exit 2; }
sed 's/PRAGMA synchronous=FULL;/PRAGMA synchronous=NORMAL;/' src/db/sqlite.c > "$OUT/sqlite_normal.c"
cc $CFLAGS -c -o "$OUT/sqlite_normal.o" "$OUT/sqlite_normal.c"
cc -o "$OUT/fazhi-normal" $(find "$BUILD/src" -name '*.o' ! -path "$BUILD/src/db/sqlite.o" | sort) "$OUT/sqlite_normal.o" $LIBS
FULL=$FAZHI; NORMAL=$OUT/fazhi-normal
LIBOBJ=$(find "$BUILD/src" -name '*.o' ! -path "$BUILD/src/main.o" | sort)
cc $CFLAGS -o "$OUT/gen" bench/gen.c $LIBOBJ $LIBS

say "durability benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$FAZHI" demo --db "$OUT/demo.db" --no-serve > /dev/null 2>&1
sqlite3 "$OUT/demo.db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null

# ---- 1. write requests/s -------------------------------------------------------
# writes NAME BINARY — sets RPS
writes(){
  cp "$OUT/demo.db" "$OUT/w.db"
  FAZHI_QUIET=1 "$2" serve --db "$OUT/w.db" --listen "127.0.0.1:$PORT" > "$OUT/serve-$1.log" 2>&1 &
  SPID=$!; PIDS="$PIDS $SPID"
  i=0; until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/login"; do sleep 0.1; i=$((i+1)); [ $i -lt 100 ] || exit 1; done
  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"login":"fuyi","password":"demo-2026"}' \
          "http://127.0.0.1:$PORT/api/v1/login" | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
  BENCH_TOKEN=$TOKEN BENCH_TAG=$1 wrk -t2 -c8 -d"$DUR" -s bench/write.lua "http://127.0.0.1:$PORT" > "$OUT/wrk-$1.txt" 2>&1
  RPS=$(awk '/^Requests\/sec:/{print $2}' "$OUT/wrk-$1.txt")
  BAD=$(awk '/Non-2xx or 3xx responses:/{print $5}' "$OUT/wrk-$1.txt")
  kill "$SPID"; wait "$SPID" 2>/dev/null || true
  N=$(sqlite3 "$OUT/w.db" "SELECT count(*) FROM reconsideration WHERE applicant='压某'")
  say "  $1: $RPS writes/s ($N rows kept${BAD:+, non-2xx $BAD})"
}
say "1. write requests: wrk -t2 -c8 -d$DUR POST /api/v1/k/reconsideration, ABBA"
writes normal-1 "$NORMAL"; W_N=$RPS
writes full-1 "$FULL"; W_F=$RPS
writes full-2 "$FULL"; W_F=$(best "$W_F" "$RPS")
writes normal-2 "$NORMAL"; W_N=$(best "$W_N" "$RPS")

# ---- 2. import -----------------------------------------------------------------
say "2. import of $NCASE 办件 (one transaction), ABBA"
cp "$OUT/demo.db" "$OUT/base.db"
"$OUT/gen" --db "$OUT/base.db" --year "$YEAR" --out "$OUT/csv" --cases "$NCASE" --items 2400 > /dev/null
"$FAZHI" import --db "$OUT/base.db" service_item "$OUT/csv/service_item.csv" > /dev/null
sqlite3 "$OUT/base.db" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
cat "$OUT/csv/service_case.csv" > /dev/null
imp(){
  cp "$OUT/base.db" "$OUT/i.db"
  t0=$(now)
  "$2" import --db "$OUT/i.db" service_case "$OUT/csv/service_case.csv" > /dev/null
  t=$(secs "$t0" "$(now)")
  R=$(awk -v n="$NCASE" -v s="$t" 'BEGIN{ printf "%.0f", n/s }')
  say "  $1: $t s ($R rows/s)"
}
imp normal-1 "$NORMAL"; I_N=$R
imp full-1 "$FULL"; I_F=$R
imp full-2 "$FULL"; I_F=$(best "$I_F" "$R")
imp normal-2 "$NORMAL"; I_N=$(best "$I_N" "$R")
rm -rf "$OUT"/*.db*

{
  echo "synchronous=FULL vs NORMAL (WAL), best of two each, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-34s %10s %10s %8s\n' "measure" "FULL" "NORMAL" "ratio"
  printf '%-34s %10s %10s %8s\n' "write requests/s (API create)" "$W_F" "$W_N" "$(ratio "$W_F" "$W_N")"
  printf '%-34s %10s %10s %8s\n' "import rows/s ($NCASE 办件)" "$I_F" "$I_N" "$(ratio "$I_F" "$I_N")"
} > "$OUT/summary.txt"
cat "$OUT/summary.txt"
