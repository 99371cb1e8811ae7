#!/bin/sh
# tools/test-all.sh — what `make test` runs: every tier, then one closing
# line "N passed, N failed" summing them. A tier's own last line must be
# "N passed, N failed" too; a tier that crashes without it counts as failed.
set -u
cd "$(dirname "$0")/.."
sh tools/deps.sh test || exit 1
# The SQLite tiers must not inherit a PostgreSQL target from the caller's
# shell; the PostgreSQL tiers get their own cluster below.
unset FZ_PG_BASE FZ_PG FZ_TEST_PG FZ_BACKEND FZ_PG_DEMO
P=0; F=0
tier() {
  name=$1; shift
  echo "=== $name"
  out=$("$@" 2>&1); rc=$?
  # every failure with its detail (a long tier's would scroll out of the tail)
  printf '%s\n' "$out" | grep -aE -A12 '^FAIL' | head -n 300
  printf '%s\n' "$out" | tail -n 40
  line=$(printf '%s\n' "$out" | grep -E '(^|: )[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  np=$(echo "$line" | sed -n 's/^\([a-z]*: \)\{0,1\}\([0-9]*\) passed.*/\2/p'); nf=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  [ -n "$np" ] || { np=0; nf=1; }
  [ $rc -eq 0 ] || [ "$nf" -gt 0 ] || nf=1
  echo "--- $name: $np passed, $nf failed"
  P=$((P+np)); F=$((F+nf))
}
# One throwaway PostgreSQL cluster for every PostgreSQL tier, stopped by
# its PID however the run ends.
PGUP=
pg_up(){
  [ -n "$PGUP" ] && return 0
  out=$(sh tools/pgtmp.sh start 2>&1) || { printf '%s\n' "$out"; return 1; }
  eval "$out"
  PGBASE=$FZ_PG_BASE          # given to the PostgreSQL tiers only
  unset FZ_PG_BASE FZ_PG
  PGUP=1
}
trap '[ -n "$PGUP" ] && sh tools/pgtmp.sh stop' EXIT
trap 'exit 130' INT TERM
# pg_db NAME: a new empty database in the cluster; prints its conninfo.
pg_db(){ psql -q "$PGBASE dbname=postgres" -c "CREATE DATABASE $1" >&2 && echo "$PGBASE dbname=$1"; }

tier "clang build (-Werror)" sh -c 'make -s B=build-clang CC=clang all >/dev/null && echo "1 passed, 0 failed"'
tier unit     make -s --no-print-directory unit
tier http     sh tests/http/run.sh build/fazhi
tier seed     sh tests/seed/run.sh build/fazhi
tier docx     sh tests/docx/run.sh build/fazhi
# The engine, import, permission, HTTP and seed tests again on PostgreSQL.
if pg_up; then
  tier "unit (PostgreSQL)" sh -c "FZ_TEST_PG='$(pg_db unit)' sh tools/run-unit.sh build/tests/t_engine build/tests/t_report"
  tier "http (PostgreSQL)" env FZ_PG_BASE="$PGBASE" sh tests/http/run.sh build/fazhi
  tier "seed (PostgreSQL)" env FZ_PG_BASE="$PGBASE" sh tests/seed/run.sh build/fazhi
else
  echo "--- PostgreSQL: could not start a cluster: 0 passed, 1 failed"; F=$((F+1))
fi
tier browser  sh -c 'sh tools/deps.sh browser && sh tests/browser/run.sh build/fazhi'
tier sanitize sh -c 'make -s --no-print-directory B=build-san SAN=1 OPT="-O1 -g" all $(ls tests/unit/t_*.c | sed "s|tests/unit/|build-san/tests/|; s|\.c$||") >/dev/null && sh tools/run-unit.sh build-san/tests/t_* && FAZHI_SAN=1 sh tests/http/run.sh build-san/fazhi'
if [ -n "$PGUP" ]; then
  tier "sanitize (PostgreSQL)" sh -c "FZ_TEST_PG='$(pg_db unit_san)' sh tools/run-unit.sh build-san/tests/t_engine build-san/tests/t_report && FZ_PG_BASE='$PGBASE' FAZHI_SAN=1 sh tests/http/run.sh build-san/fazhi"
fi
echo "$P passed, $F failed"
[ $F -eq 0 ]
