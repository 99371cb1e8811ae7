#!/bin/sh
# bench/pg.sh FAZHI — the province on PostgreSQL, each figure beside a
# baseline measured in the same run (compare ratios, not figures).
#
#   1. province    BENCH_COUNTIES counties (县1 … 县N), each the demo's
#                  department tree and one generated county-year
#                  (bench/gen.c: BENCH_CASES 办件 + 事项, 审核, 文件, 复议),
#                  every row loaded through `fazhi import`
#   2. import      one county's 办件 by `fazhi import` into a fresh database
#                  vs a raw COPY of the same rows (as stored) into another
#                  fresh database of the same schema, back to back
#   3. indicators  every indicator for every county (one after another) and
#                  for the province as a whole, vs one raw aggregate pass
#                  (COUNT/SUM over the same 办件 rows, psql)
#   4. requests    wrk on GET /api/v1/k/service_case/<id>: one server vs two
#                  servers on the same database (2 wrk connections pools),
#                  with the CPU seconds fazhi and PostgreSQL spent per request
#
# A throwaway cluster (tools/pgtmp.sh) under $TMPDIR, loopback only, stopped
# by its PID at the end — or an existing one named by FZ_PG_BASE (with
# FZ_PG_PID), left running, e.g. to repeat steps on a loaded province.
# Knobs: BENCH_COUNTIES (100), BENCH_CASES (1000000), BENCH_ITEMS (2400),
# BENCH_YEAR (this year − 2), BENCH_DURATION (10s), BENCH_PORT (18441, two
# ports), BENCH_STEPS ("load import indicators requests").
# Output: bench/out/pg/ (summary.txt, run.log). The full province (100 ×
# 1,000,000) takes about 40 GB in PostgreSQL (plus up to 16 GB of WAL) and
# about an hour to load on 2 cores.
set -eu
FAZHI=${1:-build/fazhi}
case $FAZHI in /*) ;; *) FAZHI=$(pwd)/$FAZHI ;; esac
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out/pg
BUILD=$(dirname "$FAZHI")
NC=${BENCH_COUNTIES:-100}
NCASE=${BENCH_CASES:-1000000}
NITEM=${BENCH_ITEMS:-2400}
YEAR=${BENCH_YEAR:-$(( $(date +%Y) - 2 ))}
DUR=${BENCH_DURATION:-10s}
PORT=${BENCH_PORT:-18441}
[ -x "$FAZHI" ] || { echo "pg.sh: $FAZHI not found (run make first)" >&2; exit 2; }
command -v wrk >/dev/null 2>&1 && command -v psql >/dev/null 2>&1 || sh tools/deps.sh bench
mkdir -p "$OUT/bin" "$OUT/csv"
LOG=$OUT/run.log; : > "$LOG"
SUMMARY=$OUT/summary.txt; : > "$SUMMARY"
say(){ echo "$*"; echo "$*" >> "$LOG"; echo "$*" >> "$SUMMARY"; }
now(){ date +%s.%N; }
secs(){ awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.2f", b-a }'; }
ratio(){ awk -v a="$1" -v b="$2" 'BEGIN{ if( b>0 ) printf "%.2f", a/b; else print "n/a" }'; }
rate(){ awk -v n="$1" -v s="$2" 'BEGIN{ if( s>0 ) printf "%.0f", n/s; else print "n/a" }'; }

STEPS=${BENCH_STEPS:-load import indicators requests}
step(){ case " $STEPS " in *" $1 "*) return 0 ;; esac; return 1; }

# ---- the cluster and the servers, stopped by PID ----------------------------
PIDS=""
OWN_PG=
cleanup(){
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  [ -n "$OWN_PG" ] && sh tools/pgtmp.sh stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -z "${FZ_PG_BASE:-}" ]; then
  eval "$(FZ_PG_OPTS="-c shared_buffers=2GB -c work_mem=64MB -c max_parallel_workers_per_gather=2 -c checkpoint_timeout=30min -c max_wal_size=16GB" sh tools/pgtmp.sh start)"
  OWN_PG=1
fi
PG=$FZ_PG_BASE
# the audit chain's key (one file for every database this run makes; each
# starts its chain at entry 1)
if [ -z "${FAZHI_KEY_FILE:-}" ] && [ -z "${FAZHI_KEY:-}" ]; then FAZHI_KEY_FILE=$(mktemp -u "${TMPDIR:-/tmp}/fazhi-bench-key.XXXXXX"); export FAZHI_KEY_FILE; fi
q(){ psql -qAtX "$PG dbname=$1" -c "$2"; }
newdb(){ q postgres "CREATE DATABASE $1" >/dev/null; echo "$PG dbname=$1"; }

say "fazhi PostgreSQL benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(psql --version); load $(cut -d' ' -f1-3 /proc/loadavg)"
say "province: $NC counties × $NCASE 办件 (year $YEAR)"

PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
CFLAGS="-std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Isrc $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"
LIBOBJ=$(find "$BUILD/src" -name '*.o' ! -path "$BUILD/src/main.o" | sort)
cc $CFLAGS -o "$OUT/bin/gen" bench/gen.c $LIBOBJ $LIBS
cc $CFLAGS -o "$OUT/bin/ind" bench/ind.c $LIBOBJ $LIBS

# ---- 1. the province -----------------------------------------------------------
# One county-year of CSV files from the demo's departments; each county gets
# them with 示范县 replaced by its own name and codes made its own.
if [ ! -f "$OUT/csv/service_case.csv" ] || step load; then
  rm -f "$OUT/demo.db"
  "$FAZHI" demo --db "$OUT/demo.db" --no-serve >> "$LOG" 2>&1
  "$OUT/bin/gen" --db "$OUT/demo.db" --year "$YEAR" --out "$OUT/csv" --cases "$NCASE" --items "$NITEM" >> "$LOG"
fi
DEPTS=$(sqlite3 "$OUT/demo.db" "SELECT d.name||'|'||COALESCE(p.name,'')||'|'||d.dtype FROM dept d LEFT JOIN dept p ON p.id=d.parent_id WHERE d.parent_id IS NOT NULL ORDER BY d.path")
# county DB I: 县I with the demo's departments, then its five files
# (service_case last, timed into T_IMP_ONE).
load_county(){
  C="县$2"
  "$FAZHI" init --db "$1" --county "$C" --admin "admin$2" >> "$LOG" 2>&1
  # Department names are unique in one database: 示范县X becomes 县iX, and a
  # town or village (城关镇) becomes 县i城关镇, in the tree and in the files.
  # numbers (示政规〔…〕, 示复〔…〕, BX… codes) are unique in the database, too
  printf 's/示范县/%s/g\ns/示/示%s/g\ns/BX/B%sX/g\n' "$C" "$2" "$2" > "$OUT/rename.sed"
  echo "$DEPTS" | while IFS='|' read -r name parent dtype; do
    case $name in 示范县*) ;; *) printf 's/(^|,)%s(,|$)/\\1%s%s\\2/g\n' "$name" "$C" "$name" >> "$OUT/rename.sed" ;; esac
  done
  echo "$DEPTS" | while IFS='|' read -r name parent dtype; do
    n=$(echo ",$name," | sed -E -f "$OUT/rename.sed" | sed 's/^,//; s/,$//')
    pa=$(echo ",$parent," | sed -E -f "$OUT/rename.sed" | sed 's/^,//; s/,$//')
    [ "$n" = "${C}司法局" ] && continue             # made by init
    "$FAZHI" dept --db "$1" add "$n" --parent "$pa" --type "$dtype" >> "$LOG" 2>&1
  done
  for k in service_item legality_review normative_doc reconsideration service_case; do
    sed -E -f "$OUT/rename.sed" "$OUT/csv/$k.csv" > "$OUT/csv/one.csv"
    t0=$(now)
    "$FAZHI" import --db "$1" $k "$OUT/csv/one.csv" >> "$LOG" 2>&1 || { say "import of $k for $C failed (see $LOG)"; exit 1; }
    t=$(secs "$t0" "$(now)")
    T_LOAD=$(awk -v a="$T_LOAD" -v b="$t" 'BEGIN{print a+b}')
    [ $k = service_case ] && T_CASES=$(awk -v a="$T_CASES" -v b="$t" 'BEGIN{print a+b}') && T_IMP_ONE=$t
  done
  rm -f "$OUT/csv/one.csv"
}
T_LOAD=0; T_CASES=0
DB="$PG dbname=province"
if step load; then
  DB=$(newdb province)
  i=1
  while [ $i -le "$NC" ]; do
    load_county "$DB" $i
    [ $((i % 10)) = 0 ] || [ $i = "$NC" ] && say "  $i counties loaded ($(secs 0 "$T_LOAD") s of imports so far)"
    i=$((i+1))
  done
  q province "VACUUM ANALYZE" 2>/dev/null
  NROWS=$(q province "SELECT count(*) FROM service_case")
  say "  province: $NROWS 办件, $(q province "SELECT pg_size_pretty(pg_database_size('province'))"); 办件 imports $(secs 0 "$T_CASES") s ($(rate "$NROWS" "$T_CASES") rows/s)"
fi
ROOT1=$(q province "SELECT id FROM dept WHERE name='县1'" 2>/dev/null || true)

# ---- 2. import vs raw COPY of the same rows, back to back ---------------------
if step import; then
  q postgres "DROP DATABASE IF EXISTS impone" >/dev/null 2>&1; q postgres "DROP DATABASE IF EXISTS rawcopy" >/dev/null 2>&1
  # ABBA: import, raw, raw, import (the machine is noisy); best of each
  COLS=
  T_IMP1=; T_RAW=
  imp_once(){
    q postgres "DROP DATABASE IF EXISTS impone" >/dev/null 2>&1
    IMPDB=$(newdb impone)
    load_county "$IMPDB" 1
    T_IMP1=$(awk -v a="$T_IMP_ONE" -v b="$T_IMP1" 'BEGIN{ if( b=="" || a+0<b+0 ) print a; else print b }')
    say "  fazhi import: $T_IMP_ONE s"
  }
  raw_once(){
    if [ ! -f "$OUT/rows.tsv" ]; then
      COLS=$(q impone "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name='service_case'")
      q impone "COPY (SELECT $COLS FROM service_case ORDER BY id) TO STDOUT" > "$OUT/rows.tsv"
    fi
    q postgres "DROP DATABASE IF EXISTS rawcopy" >/dev/null 2>&1
    RAWDB=$(newdb rawcopy)
    "$FAZHI" check --db "$RAWDB" >/dev/null 2>&1 || true      # creates the same schema and indexes
    t0=$(now)
    psql -qX "$RAWDB" -c "\\copy service_case($COLS) FROM '$OUT/rows.tsv'"
    t=$(secs "$t0" "$(now)")
    T_RAW=$(awk -v a="$t" -v b="$T_RAW" 'BEGIN{ if( b=="" || a+0<b+0 ) print a; else print b }')
    say "  raw COPY: $t s"
  }
  rm -f "$OUT/rows.tsv"
  imp_once; raw_once; raw_once; imp_once
  N1=$(wc -l < "$OUT/rows.tsv")
  rm -f "$OUT/rows.tsv"
  say "2. import of one county's $N1 办件 (best of two, ABBA): fazhi import ${T_IMP1} s ($(rate "$N1" "$T_IMP1") rows/s) vs raw COPY $T_RAW s ($(rate "$N1" "$T_RAW") rows/s): import at $(ratio "$T_RAW" "$T_IMP1") of raw COPY"
fi

# ---- 3. indicators ------------------------------------------------------------
if step indicators; then
T_EACH=0
for r in $(q province "SELECT id FROM dept WHERE parent_id IS NULL ORDER BY id"); do
  t=$("$OUT/bin/ind" "$DB" "$YEAR" 1 "$r" | awk '/^ind_total_best_s/{print $2}')
  T_EACH=$(awk -v a="$T_EACH" -v b="$t" 'BEGIN{print a+b}')
done
"$OUT/bin/ind" "$DB" "$YEAR" 2 0 > "$OUT/ind-province.txt"
T_PROV=$(awk '/^ind_total_best_s/{print $2}' "$OUT/ind-province.txt")
t0=$(now)
q province "SELECT count(*), sum(CASE WHEN finished IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN channel='online' THEN 1 ELSE 0 END) FROM service_case WHERE received>='$YEAR-01-01' AND received<='$YEAR-12-31'" >> "$LOG" 2>&1 || { say "the raw aggregate query failed (see $LOG)"; exit 1; }
T_AGG=$(secs "$t0" "$(now)")
say "3. indicators: every county one after another $(secs 0 "$T_EACH") s; the province as a whole $T_PROV s; one raw aggregate pass over the same 办件 $T_AGG s (province/raw = $(ratio "$T_PROV" "$T_AGG"))"
fi

# ---- 4. one server vs two ----------------------------------------------------
if step requests; then
MAXID=$(q province "SELECT max(id) FROM service_case")
cpu_of(){ awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }           # utime+stime, ticks
pg_cpu(){ s=0; for p in $(pgrep -P "$FZ_PG_PID"); do s=$((s + $(cpu_of "$p"))); done; echo "$s"; }
HZ=$(getconf CLK_TCK)
serve(){ FAZHI_QUIET=1 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$1" ${2:-} >> "$LOG" 2>&1 & PIDS="$PIDS $!"; SP=$!; sleep 1; }
token(){ curl -s -X POST -H 'Content-Type: application/json' -d '{"login":"admin1","password":"'"$1"'"}' "http://127.0.0.1:$PORT/api/v1/login" | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p'; }
say "4. requests: GET /api/v1/k/service_case/<id> over county 1's 办件, as a county leader (read-only) account added for the run"
BUSER=bench$$
LPW=$("$FAZHI" user --db "$DB" add "$BUSER" 基准 leader 县1 2>&1 | sed -n 's/.*一次性密码：//p')
serve "$PORT"; S1=$SP
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"login":"'"$BUSER"'","password":"'"$LPW"'"}' "http://127.0.0.1:$PORT/api/v1/login" | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
[ -n "$TOKEN" ] || { say "  the API login of $BUSER failed"; exit 1; }
# the printed password is one-time: change it (this session stays logged in)
curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"old":"'"$LPW"'","new":"Bench-Leader-2026","new2":"Bench-Leader-2026"}' "http://127.0.0.1:$PORT/api/v1/password"
MAXID1=$(q province "SELECT max(id) FROM service_case WHERE dept_id IN (SELECT id FROM dept WHERE path LIKE '/$ROOT1/%')")
# The same load both ways: 2 threads × 16 connections to one server, or
# 1 thread × 16 connections to each of two.
wrk1(){ BENCH_TOKEN=$TOKEN BENCH_MAXID=$MAXID1 wrk "$@" -d"$DUR" -s bench/detail.lua 2>&1; }
rm -f "$OUT"/wrk-*.txt
c0=$(cpu_of "$S1"); p0=$(pg_cpu)
wrk1 -t2 -c32 "http://127.0.0.1:$PORT" > "$OUT/wrk-one.txt"
c1=$(cpu_of "$S1"); p1=$(pg_cpu)
RPS1=$(awk '/^Requests\/sec:/{print $2}' "$OUT/wrk-one.txt"); N1R=$(awk '/requests in/{print $1}' "$OUT/wrk-one.txt")
# two servers: each with one worker per CPU (the default), then each with
# half the CPUs (--threads 1 here), as two servers on one machine would be set up
two(){   # LABEL [SERVE-OPTIONS]
  stop_all; serve "$PORT" "${2:-}"; S1=$SP; serve $((PORT+1)) "${2:-}"; S2=$SP
  c0b=$(($(cpu_of "$S1")+$(cpu_of "$S2"))); p0b=$(pg_cpu)
  wrk1 -t1 -c16 "http://127.0.0.1:$PORT" > "$OUT/wrk-$1-a.txt" & W=$!
  wrk1 -t1 -c16 "http://127.0.0.1:$((PORT+1))" > "$OUT/wrk-$1-b.txt"
  wait $W
  c1b=$(($(cpu_of "$S1")+$(cpu_of "$S2"))); p1b=$(pg_cpu)
  RPS2=$(awk '/^Requests\/sec:/{s+=$2} END{print s}' "$OUT/wrk-$1-a.txt" "$OUT/wrk-$1-b.txt")
  N2R=$(awk '/requests in/{s+=$1} END{print s}' "$OUT/wrk-$1-a.txt" "$OUT/wrk-$1-b.txt")
}
stop_all(){ for p in $PIDS; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=""; }
per(){ awk -v t="$1" -v n="$2" -v hz="$HZ" 'BEGIN{ if( n>0 ) printf "%.0f", t/hz/n*1e6; else print "n/a" }'; }
say "  one server: $RPS1 req/s; CPU per request: fazhi $(per $((c1-c0)) "$N1R") µs, PostgreSQL $(per $((p1-p0)) "$N1R") µs"
two default
say "  two servers, one worker per CPU each: $RPS2 req/s together ($(ratio "$RPS2" "$RPS1") of one); CPU per request: fazhi $(per $((c1b-c0b)) "$N2R") µs, PostgreSQL $(per $((p1b-p0b)) "$N2R") µs"
two halves "--threads 1"
say "  two servers, --threads 1 each (the CPUs shared out): $RPS2 req/s together ($(ratio "$RPS2" "$RPS1") of one); CPU per request: fazhi $(per $((c1b-c0b)) "$N2R") µs, PostgreSQL $(per $((p1b-p0b)) "$N2R") µs"
NON2=$(cat "$OUT"/wrk-*.txt | awk '/Non-2xx/{s+=$5} END{print s+0}')
say "  non-2xx answers in all runs: $NON2"
fi
