#!/bin/sh
# bench/run.sh FAZHI — fazhi's benchmarks, end to end, each against a baseline
# measured in the same run (machines are noisy: compare ratios, not figures).
#
#   1. generator   a county-year: 1,000,000 办件 + ≈2,400 事项, 65 审核, 12 规范性文件, 270 复议 (CSV)
#   2. import      `fazhi import` of the 办件 CSV vs bench/raw_insert.c (one prepared INSERT loop)
#   3. indicators  every declared indicator for that year: ind_compute() and GET /api/v1/indicators
#   4. requests    wrk on GET /api/v1/k/service_case/<random id> vs bench/trivial.c (bare libmicrohttpd)
#   5. memory      server VmRSS after the wrk run on the demo database
#   6. diagnostics  rec_get() vs a plain SQLite lookup, in process, and which
#                  cached statements SQLite had to re-prepare (bench/recget.c)
#
# Results go to bench/out/ (git-ignored); the summary is bench/out/summary.txt.
# Knobs (environment): BENCH_CASES (1000000), BENCH_ITEMS (2400), BENCH_YEAR
# (this year − 2), BENCH_REPS (2: raw/fazhi import pairs, run ABBA), BENCH_DURATION
# (10s per wrk run), BENCH_PORT (18431, uses 3 ports from there), BENCH_LOGIN (admin).
# Loopback only. Takes about five minutes on 2 cores.
set -eu

FAZHI=${1:-build/fazhi}
case $FAZHI in /*) ;; *) FAZHI=$(pwd)/$FAZHI ;; esac
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out
BUILD=$(dirname "$FAZHI")
NCASE=${BENCH_CASES:-1000000}
NITEM=${BENCH_ITEMS:-2400}
YEAR=${BENCH_YEAR:-$(( $(date +%Y) - 2 ))}
REPS=${BENCH_REPS:-2}
DUR=${BENCH_DURATION:-10s}
PORT=${BENCH_PORT:-18431}
LOGIN=${BENCH_LOGIN:-admin}
PASSWORD=demo-2026
WRK_ARGS="-t2 -c32 -d$DUR"

[ -x "$FAZHI" ] || { echo "run.sh: $FAZHI not found (run make first)" >&2; exit 2; }
[ -f "$BUILD/src/engine/query.o" ] || { echo "run.sh: no library objects under $BUILD/src (run make first)" >&2; exit 2; }
command -v wrk >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 || sh tools/deps.sh bench
command -v curl >/dev/null 2>&1 || { echo "run.sh: curl is needed" >&2; exit 2; }

mkdir -p "$OUT/bin" "$OUT/csv"
rm -f "$OUT"/*.db "$OUT"/*.db-wal "$OUT"/*.db-shm "$OUT"/*.log "$OUT"/*.txt "$OUT"/*.json
LOG=$OUT/run.log
: > "$LOG"
SUMMARY=$OUT/summary.txt

say(){ echo "$*"; echo "$*" >> "$LOG"; }
now(){ date +%s.%N; }
secs(){ awk -v a="$1" -v b="$2" 'BEGIN{ printf "%.3f", b-a }'; }
ratio(){ awk -v a="$1" -v b="$2" 'BEGIN{ if( b>0 ) printf "%.2f", a/b; else print "n/a" }'; }
rate(){ awk -v n="$1" -v s="$2" 'BEGIN{ if( s>0 ) printf "%.0f", n/s; else print "n/a" }'; }
min(){ awk -v a="$1" -v b="$2" 'BEGIN{ if( b=="" || a+0<b+0 ) print a; else print b }'; }
sq(){ "$OUT/bin/raw_insert" sql "$1" "$2"; }

# Servers started here, stopped by their own pid (never by name).
PIDS=""
cleanup(){ for p in $PIDS; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
stop(){ kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; PIDS=$(echo " $PIDS " | sed "s/ $1 / /"); }
wait_port(){
  i=0
  while [ $i -lt 100 ]; do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" && return 0
    sleep 0.1; i=$((i+1))
  done
  echo "run.sh: nothing answers on 127.0.0.1:$1" >&2; return 1
}
# cpdb FROM TO: a copy of a database with its audit key (FROM.key)
cpdb(){ cp "$1" "$2" && { [ ! -f "$1.key" ] || cp -p "$1.key" "$2.key"; }; }

# start_fazhi DB PORT LOGFILE [quiet] — prints nothing, sets SPID
start_fazhi(){
  if [ "${4:-}" = quiet ]; then
    FAZHI_QUIET=1 "$FAZHI" serve --db "$1" --listen "127.0.0.1:$2" > "$3" 2>&1 &
  else
    env -u FAZHI_QUIET "$FAZHI" serve --db "$1" --listen "127.0.0.1:$2" > "$3" 2>&1 &
  fi
  SPID=$!
  PIDS="$PIDS $SPID"
  wait_port "$2"
}
# login PORT — sets TOKEN and WHO. The brief's account is admin; when admin's
# scope does not cover the 办件 (a 404 on a 办件 id), the county-wide
# read-only account "leader" is used instead, and the summary says so.
login(){
  WHO=$LOGIN
  for who in $LOGIN leader; do
    TOKEN=$(curl -s --max-time 10 -X POST -H 'Content-Type: application/json' \
            -d "{\"login\":\"$who\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$1/api/v1/login" |
            sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
    [ -n "$TOKEN" ] || { echo "run.sh: login as $who failed" >&2; return 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
           "http://127.0.0.1:$1/api/v1/k/service_case/$PROBE_ID")
    WHO=$who
    [ "$code" = 200 ] && return 0
    say "  note: $who gets HTTP $code for service_case/$PROBE_ID (outside its department scope); trying leader"
  done
  return 0
}
# run_wrk NAME PORT MAXID TOKEN — sets RPS and NON2XX
run_wrk(){
  BENCH_TOKEN=$4 BENCH_MAXID=$3 wrk $WRK_ARGS --latency -s bench/detail.lua "http://127.0.0.1:$2" > "$OUT/wrk-$1.txt" 2>&1
  RPS=$(awk '/^Requests\/sec:/{print $2}' "$OUT/wrk-$1.txt")
  NON2XX=$(awk '/Non-2xx or 3xx responses:/{print $5}' "$OUT/wrk-$1.txt")
  NON2XX=${NON2XX:-0}
  say "  $1: $RPS req/s, non-2xx $NON2XX, $(awk '/^    Latency/{print "latency avg " $2 ", max " $4}' "$OUT/wrk-$1.txt")"
}
rss_kib(){ awk -v k="$2:" '$1==k{print $2}' "/proc/$1/status"; }

say "fazhi benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) CPUs, $(lscpu | awk -F: '/^Model name/{gsub(/^ +/,"",$2); print $2}'), $(free -g | awk '/^Mem:/{print $2}') GiB RAM; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- helpers ------------------------------------------------------------------
say "building helpers → $OUT/bin"
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
CFLAGS="-std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wshadow -Isrc $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"
LIBOBJ=$(find "$BUILD/src" -name '*.o' ! -path "$BUILD/src/main.o" | sort)
cc $CFLAGS -o "$OUT/bin/gen" bench/gen.c $LIBOBJ $LIBS
cc $CFLAGS -o "$OUT/bin/ind" bench/ind.c $LIBOBJ $LIBS
cc $CFLAGS -o "$OUT/bin/recget" bench/recget.c $LIBOBJ $LIBS
cc $CFLAGS -o "$OUT/bin/raw_insert" bench/raw_insert.c $(pkg-config --cflags --libs sqlite3)
cc $CFLAGS -o "$OUT/bin/trivial" bench/trivial.c $(pkg-config --cflags --libs libmicrohttpd) -lpthread

# ---- 1. the county ------------------------------------------------------------
say "1. county: fazhi demo (示范县 departments, users, its own small year), then the generated county-year $YEAR"
"$FAZHI" demo --db "$OUT/demo.db" --no-serve >> "$LOG" 2>&1
"$OUT/bin/raw_insert" checkpoint "$OUT/demo.db"
cpdb "$OUT/demo.db" "$OUT/base.db"
t0=$(now)
"$OUT/bin/gen" --db "$OUT/base.db" --year "$YEAR" --out "$OUT/csv" --cases "$NCASE" --items "$NITEM" | tee -a "$LOG"
say "  generated in $(secs "$t0" "$(now)") s; service_case.csv is $(du -m "$OUT/csv/service_case.csv" | cut -f1) MB"
for k in service_item legality_review normative_doc reconsideration; do
  t0=$(now)
  "$FAZHI" import --db "$OUT/base.db" $k "$OUT/csv/$k.csv" >> "$LOG" 2>&1 ||
    { echo "run.sh: import of $k failed, see $LOG" >&2; exit 1; }
  say "  imported $k in $(secs "$t0" "$(now)") s"
done
"$OUT/bin/raw_insert" checkpoint "$OUT/base.db"

# ---- 2. import vs raw INSERT loop --------------------------------------------
# The raw loop gets the page cache fazhi's importer sets for bulk writes
# (db_bulk_mode in src/db/sqlite.c), so the ratio measures the importer's own
# work, not a pragma; one extra raw run with SQLite's default cache is shown too.
BULK_KIB=$(sed -n '/^static void lite_bulk_mode/,/^}/s/.*cache_size=-\([0-9][0-9]*\).*/\1/p' src/db/sqlite.c | head -1)
[ -n "$BULK_KIB" ] || { echo "run.sh: cannot read the bulk page cache from lite_bulk_mode in src/db/sqlite.c" >&2; exit 2; }
say "2. import of $NCASE 办件: fazhi import vs raw prepared INSERT loop (fresh copies of the same database, ABBA order, $REPS pair(s); raw page cache $BULK_KIB KiB as fazhi's bulk mode)"
CSV=$OUT/csv/service_case.csv
cat "$CSV" > /dev/null                       # both start with the file in the page cache
# The importer reads and parses the whole file before looking at a row: a
# file whose header is wrong stops right there, which times that phase alone.
{ printf 'X'; cat "$CSV"; } > "$OUT/csv/badhead.csv"
cpdb "$OUT/base.db" "$OUT/probe.db"
t0=$(now)
"$FAZHI" import --db "$OUT/probe.db" service_case "$OUT/csv/badhead.csv" > /dev/null 2>&1 || true
T_READ=$(secs "$t0" "$(now)")
rm -f "$OUT/probe.db"* "$OUT/csv/badhead.csv"
say "  fazhi start + read + parse the CSV only: $T_READ s"
T_RAW=""; T_IMP=""; T_RAW_ALL=""; T_IMP_ALL=""
TIMEF=""
[ -x /usr/bin/time ] && TIMEF="/usr/bin/time -f %M -o"
run_raw(){
  cpdb "$OUT/base.db" "$OUT/raw.db"
  t0=$(now)
  if [ -n "$TIMEF" ]; then $TIMEF "$OUT/raw.maxrss" "$OUT/bin/raw_insert" "$OUT/raw.db" "$CSV" "$BULK_KIB" >> "$LOG"
  else "$OUT/bin/raw_insert" "$OUT/raw.db" "$CSV" "$BULK_KIB" >> "$LOG"; fi
  t=$(secs "$t0" "$(now)")
  T_RAW=$(min "$t" "$T_RAW"); T_RAW_ALL="$T_RAW_ALL $t"
  say "  raw INSERT loop: $t s ($(rate "$NCASE" "$t") rows/s)"
}
run_imp(){
  cpdb "$OUT/base.db" "$OUT/county.db"
  t0=$(now)
  if [ -n "$TIMEF" ]; then $TIMEF "$OUT/imp.maxrss" "$FAZHI" import --db "$OUT/county.db" service_case "$CSV" >> "$LOG" 2>&1
  else "$FAZHI" import --db "$OUT/county.db" service_case "$CSV" >> "$LOG" 2>&1; fi
  t=$(secs "$t0" "$(now)")
  T_IMP=$(min "$t" "$T_IMP"); T_IMP_ALL="$T_IMP_ALL $t"
  say "  fazhi import:    $t s ($(rate "$NCASE" "$t") rows/s)"
}
r=1
while [ $r -le "$REPS" ]; do
  if [ $((r % 2)) = 1 ]; then run_raw; run_imp; else run_imp; run_raw; fi
  r=$((r+1))
done
cpdb "$OUT/base.db" "$OUT/raw2.db"
t0=$(now)
"$OUT/bin/raw_insert" "$OUT/raw2.db" "$CSV" 2000 >> "$LOG"
T_RAW_DEF=$(secs "$t0" "$(now)")
rm -f "$OUT/raw2.db" "$OUT/raw2.db-wal" "$OUT/raw2.db-shm"
say "  raw INSERT loop, SQLite's default 2000 KiB cache: $T_RAW_DEF s ($(rate "$NCASE" "$T_RAW_DEF") rows/s)"
CHK="SELECT count(*), total(item_id), total(dept_id), total(limit_days), count(finished), count(rating), max(id) FROM service_case"
if [ "$(sq "$OUT/raw.db" "$CHK")" != "$(sq "$OUT/county.db" "$CHK")" ]; then
  say "  WARNING: the two databases differ: raw $(sq "$OUT/raw.db" "$CHK") / fazhi $(sq "$OUT/county.db" "$CHK")"
else
  say "  same rows in both: $(sq "$OUT/county.db" "$CHK")"
fi
SZ_RAW=$(du -m "$OUT/raw.db" | cut -f1); SZ_IMP=$(du -m "$OUT/county.db" | cut -f1)
AUDIT_MB=$(sq "$OUT/county.db" "SELECT sum(length(after))/1048576 FROM audit")
say "  database size: raw $SZ_RAW MB, fazhi $SZ_IMP MB (audit entries hold $AUDIT_MB MB of record JSON)"
[ -f "$OUT/imp.maxrss" ] && say "  peak RSS: raw $(( $(cat "$OUT/raw.maxrss") / 1024 )) MiB, fazhi import $(( $(cat "$OUT/imp.maxrss") / 1024 )) MiB"
rm -f "$OUT/raw.db" "$OUT/raw.db-wal" "$OUT/raw.db-shm"
R_IMP=$(rate "$NCASE" "$T_IMP"); R_RAW=$(rate "$NCASE" "$T_RAW")

# ---- 3. indicators on the county-year ----------------------------------------
say "3. all indicators for $YEAR over $(sq "$OUT/county.db" "SELECT count(*) FROM service_case WHERE received LIKE '$YEAR-%'") 办件"
"$OUT/bin/ind" "$OUT/county.db" "$YEAR" 3 > "$OUT/ind.txt"
grep -E 'service_case|ind_total' "$OUT/ind.txt" | sed 's/^/  /' | tee -a "$LOG"
T_IND=$(awk '/^ind_total_best_s/{print $2}' "$OUT/ind.txt")
PROBE_ID=$(sq "$OUT/county.db" "SELECT min(id) FROM service_case WHERE dept_id NOT IN (SELECT u.dept_id FROM users u WHERE u.login='$LOGIN')")
start_fazhi "$OUT/county.db" "$PORT" "$OUT/serve-county-ind.log" quiet
login "$PORT"; WHO_IND=$WHO
T_API=""; API_ALL=""
for i in 1 2 3; do
  res=$(curl -s -o "$OUT/indicators.json" -w '%{http_code} %{time_total}' --max-time 300 \
        -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/indicators?year=$YEAR")
  [ "${res%% *}" = 200 ] || say "  WARNING: /api/v1/indicators answered ${res%% *}"
  T_API=$(min "${res#* }" "$T_API"); API_ALL="$API_ALL ${res#* }"
done
stop "$SPID"
NUM_CASES=$(sed -n 's/.*"kind":"service_case","name":"cases","label":"[^"]*","numerator":\([0-9]*\).*/\1/p' "$OUT/indicators.json")
say "  ind_compute (C, all $(awk '/^ind_count/{print $2}' "$OUT/ind.txt") indicators): best $T_IND s"
say "  GET /api/v1/indicators?year=$YEAR as $WHO_IND: best $T_API s (runs:$API_ALL); 办件量 in the answer: ${NUM_CASES:-?}"

# ---- 4. request rate: fazhi vs a trivial libmicrohttpd handler ----------------
say "4. wrk $WRK_ARGS, GET /api/v1/k/service_case/<random id>"
P2=$((PORT+1)); P3=$((PORT+2))
# Trivial runs bracket each fazhi run (T fazhi T fazhi T); each fazhi figure
# is compared with the mean of the two trivial runs around it.
trivial_run(){
  "$OUT/bin/trivial" "127.0.0.1:$P2" > "$OUT/trivial.log" 2>&1 &
  TPID=$!; PIDS="$PIDS $TPID"; wait_port "$P2"
  run_wrk "trivial-$1" "$P2" 1000 ""
  stop "$TPID"
}
trivial_run 1; RPS_T1=$RPS

MAX_DEMO=$(sq "$OUT/demo.db" "SELECT max(id) FROM service_case")
PROBE_ID=$(sq "$OUT/demo.db" "SELECT min(id) FROM service_case WHERE dept_id NOT IN (SELECT u.dept_id FROM users u WHERE u.login='$LOGIN')")
start_fazhi "$OUT/demo.db" "$P3" "$OUT/serve-demo.log"
login "$P3"; WHO_WRK=$WHO
run_wrk fazhi-demo "$P3" "$MAX_DEMO" "$TOKEN"; RPS_DEMO=$RPS; BAD_DEMO=$NON2XX
RSS_DEMO=$(rss_kib "$SPID" VmRSS); HWM_DEMO=$(rss_kib "$SPID" VmHWM)
say "  server after the run (demo database, $MAX_DEMO 办件): VmRSS $((RSS_DEMO/1024)) MiB, VmHWM $((HWM_DEMO/1024)) MiB"
stop "$SPID"

trivial_run 2; RPS_T2=$RPS

MAX_COUNTY=$(sq "$OUT/county.db" "SELECT max(id) FROM service_case")
start_fazhi "$OUT/county.db" "$P3" "$OUT/serve-county.log"
login "$P3"
run_wrk fazhi-county "$P3" "$MAX_COUNTY" "$TOKEN"; RPS_COUNTY=$RPS; BAD_COUNTY=$NON2XX
RSS_COUNTY=$(rss_kib "$SPID" VmRSS)
say "  server after the run (county database, $MAX_COUNTY 办件): VmRSS $((RSS_COUNTY/1024)) MiB"
stop "$SPID"

trivial_run 3; RPS_T3=$RPS
RPS_TD=$(awk -v a="$RPS_T1" -v b="$RPS_T2" 'BEGIN{ printf "%.0f", (a+b)/2 }')
RPS_TC=$(awk -v a="$RPS_T2" -v b="$RPS_T3" 'BEGIN{ printf "%.0f", (a+b)/2 }')

# ---- 5. diagnostics -------------------------------------------------------------
say "5. rec_get() vs a plain SQLite lookup of the same row and department name (demo database, in process)"
"$OUT/bin/recget" "$OUT/demo.db" "$WHO_WRK" 100000 > "$OUT/recget.txt"
sed 's/^/  /' "$OUT/recget.txt" | tee -a "$LOG"
US_FZ=$(awk '/^recget_fazhi_us/{print $2}' "$OUT/recget.txt")
US_RAW=$(awk '/^recget_raw_us/{print $2}' "$OUT/recget.txt")
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- summary ------------------------------------------------------------------
pf(){ awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN{ ok = op=="ge" ? v+0>=t+0 : v+0<t+0; print ok ? "met" : "MISSED" }'; }
{
  echo "fazhi benchmark summary — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs ($(lscpu | awk -F: '/^Model name/{gsub(/^ +/,"",$2); print $2}')), load $LOAD0 → $LOAD1"
  echo "county-year $YEAR: $NCASE 办件, $NITEM 事项; wrk $WRK_ARGS; logins: indicators as $WHO_IND, wrk as $WHO_WRK"
  echo
  printf '%-44s %14s %14s %8s %10s  %s\n' "measure" "fazhi" "baseline" "ratio" "target" "result"
  printf '%-44s %14s %14s %8s %10s  %s\n' "import 办件, rows/s (best of $REPS)" "$R_IMP" "$R_RAW" "$(ratio "$R_IMP" "$R_RAW")" "≥ 0.70" "$(pf "$(ratio "$R_IMP" "$R_RAW")" 0.70 ge)"
  printf '%-44s %14s %14s %8s %10s  %s\n' "  wall s (runs:${T_IMP_ALL} /${T_RAW_ALL})" "$T_IMP" "$T_RAW" "" "" ""
  printf '%-44s %14s %14s %8s %10s  %s\n' "  vs raw with SQLite's default cache" "$R_IMP" "$(rate "$NCASE" "$T_RAW_DEF")" "$(ratio "$R_IMP" "$(rate "$NCASE" "$T_RAW_DEF")")" "" ""
  printf '%-44s %14s %14s %8s %10s  %s\n' "detail req/s, demo database" "$RPS_DEMO" "$RPS_TD" "$(ratio "$RPS_DEMO" "$RPS_TD")" "≥ 0.50" "$(pf "$(ratio "$RPS_DEMO" "$RPS_TD")" 0.50 ge)"
  printf '%-44s %14s %14s %8s %10s  %s\n' "detail req/s, county database ($MAX_COUNTY)" "$RPS_COUNTY" "$RPS_TC" "$(ratio "$RPS_COUNTY" "$RPS_TC")" "≥ 0.50" "$(pf "$(ratio "$RPS_COUNTY" "$RPS_TC")" 0.50 ge)"
  printf '%-44s %14s %14s %8s %10s  %s\n' "  trivial runs T1 T2 T3" "" "$RPS_T1 $RPS_T2 $RPS_T3" "" "" ""
  printf '%-44s %14s %14s %8s %10s  %s\n' "server VmRSS after wrk, demo database, MiB" "$((RSS_DEMO/1024))" "" "" "< 32" "$(pf "$((RSS_DEMO/1024))" 32 lt)"
  printf '%-44s %14s %14s %8s %10s  %s\n' "server VmRSS after wrk, county database, MiB" "$((RSS_COUNTY/1024))" "" "" "" ""
  printf '%-44s %14s %14s %8s %10s  %s\n' "rec_get µs/lookup vs plain SQLite (in process)" "$US_FZ" "$US_RAW" "$(ratio "$US_RAW" "$US_FZ")" "" ""
  printf '%-44s %14s %14s %8s %10s  %s\n' "all indicators, ind_compute, s (best of 3)" "$T_IND" "" "" "< 1" "$(pf "$T_IND" 1 lt)"
  printf '%-44s %14s %14s %8s %10s  %s\n' "all indicators, GET /api/v1/indicators, s" "$T_API" "" "" "< 1" "$(pf "$T_API" 1 lt)"
  [ "$BAD_DEMO" = 0 ] && [ "$BAD_COUNTY" = 0 ] || echo "WARNING: non-2xx answers under wrk (demo $BAD_DEMO, county $BAD_COUNTY): req/s not comparable"
  echo
  grep '^reprepared' "$OUT/recget.txt" | sed 's/^/SQLite /' || true
  echo "slowest indicators (ms, best of 3):"
  sort -k3 -n -r "$OUT/ind.txt" | awk 'NF>=6 && $3+0>=10 { printf "  %-16s %-20s %8s\n", $1, $2, $3 }'
} > "$SUMMARY"
echo
cat "$SUMMARY"
cat "$SUMMARY" >> "$LOG"
