#!/bin/sh
# tests/http/151-migrate-atomic.sh
# `fazhi migrate` is all or nothing, as the README says, from the first
# table it makes in a new target to the last record (on the backend under
# test: PostgreSQL in the PostgreSQL tier):
#  - killed (kill -9) halfway through, it leaves a new target without a
#    single table (it used to leave every table, empty);
#  - a record the target refuses (its number is already there) fails the
#    migration with a Chinese reason that names the kind, the record, the
#    field and the value (it used to be an English internal error and an
#    empty reason), and the target is unchanged.
. "$(dirname "$0")/lib.sh"

SRC=$T/src.db
if [ -n "${FZ_DEMO_DB:-}" ] && [ -f "$FZ_DEMO_DB" ]; then
  sqlite3 "$FZ_DEMO_DB" ".backup '$SRC'"
  cp "$FZ_DEMO_DB.key" "$SRC.key"          # the audit chain's key goes with its database
else
  "$FAZHI" demo --db "$SRC" --no-serve >/dev/null 2>&1 || { fail "fazhi demo"; finish; }
fi
# new_target NAME: an empty database of the backend under test; prints it.
new_target(){
  if [ -n "${FZ_PG_BASE:-}" ]; then
    psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE ${DBNAME}_$1" >&2 && echo "$FZ_PG_BASE dbname=${DBNAME}_$1"
  else
    echo "$T/$1.db"
  fi
}
# n_tables TARGET: how many tables it has.
n_tables(){
  if [ -n "${FZ_PG_BASE:-}" ]; then sql_on "$1" "SELECT count(*) FROM pg_tables WHERE schemaname='public'"
  else sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type='table'"; fi
}

# 1. How long a whole migration takes here, into a scratch target.
SCRATCH=$(new_target scratch)
_t0=$(date +%s%N)
"$FAZHI" migrate --from "$SRC" --to "$SCRATCH" >"$T/m0.out" 2>&1
expect_eq "$?" 0 "a migration into a scratch target"
MS=$(( ($(date +%s%N) - _t0) / 1000000 ))
note "a whole migration takes ${MS} ms"

# 2. Killed halfway: the new target has no table at all.
DB=$(new_target target)
killed=0
for frac in 2 3 5 8; do
  "$FAZHI" migrate --from "$SRC" --to "$DB" >"$T/m1.out" 2>&1 &
  MP=$!
  sleep "$(awk "BEGIN{print $MS/$frac/1000}")"
  kill -9 "$MP" 2>/dev/null
  wait "$MP"
  rc=$?
  # Killed after its commit (closing a large SQLite target checkpoints the
  # WAL, which under load can outlast half the measured time): the whole
  # county is there, which is all or nothing too, but not what this step
  # tests. Count it as finished and kill earlier.
  if [ "$rc" = 137 ] && [ "$(n_tables "$DB")" != 0 ] && [ "$(sql_on "$DB" "SELECT count(*) FROM migration" 2>/dev/null)" = 1 ]; then
    note "killed after the commit (at 1/$frac of ${MS} ms): trying earlier"
    rc=0
  fi
  if [ "$rc" = 137 ]; then killed=1; break; fi
  # it finished before the kill: start again from an empty target
  if [ -n "${FZ_PG_BASE:-}" ]; then
    psql -q "$FZ_PG_BASE dbname=postgres" -c "DROP DATABASE ${DBNAME}_target" -c "CREATE DATABASE ${DBNAME}_target"
  else
    rm -f "$DB" "$DB-wal" "$DB-shm"
  fi
done
expect_eq "$killed" 1 "the migration was killed before it ended"
sleep 0.3
expect_eq "$(n_tables "$DB")" 0 "a migration killed halfway leaves no table in the new target"
"$FAZHI" migrate --from "$SRC" --to "$DB" >"$T/m2.out" 2>&1
expect_eq "$?" 0 "…which then takes the migration in full"
expect_contains "$T/m2.out" '已将示范县迁入目标数据库（迁移第1号）'
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes on it"

# 3. A record the target refuses. The second county reuses a case number
# of the first; an index of the target's own (standing for any uniqueness
# the target enforces) refuses it.
C2=$T/c2.db
"$FAZHI" init --db "$C2" --county 另一县 --admin lx-admin >/dev/null 2>&1
TAKEN=$(sql "SELECT case_no FROM reconsideration ORDER BY id LIMIT 1")
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n另一县司法局,另复〔2026〕1号,甲,乙,其他,2026-06-01,普通程序\n另一县司法局,%s,丙,丁,行政许可,2026-06-02,简易程序\n' "$TAKEN" >"$T/c2.csv"
"$FAZHI" import --db "$C2" reconsideration "$T/c2.csv" >"$T/imp.out" 2>&1
expect_eq "$?" 0 "the second county's two cases"
C2ID=$(sqlite3 "$C2" "SELECT id FROM reconsideration WHERE case_no='$TAKEN'")
sql "CREATE UNIQUE INDEX t151_case_no ON reconsideration(case_no)" >/dev/null
snapshot(){ sql "SELECT (SELECT count(*) FROM audit)||' '||(SELECT count(*) FROM dept)||' '||(SELECT count(*) FROM users)||' '||(SELECT count(*) FROM reconsideration)||' '||(SELECT count(*) FROM migration)||' '||(SELECT count(*) FROM audit_archive)"; }
BEFORE=$(snapshot)
"$FAZHI" migrate --from "$C2" --to "$DB" >"$T/m3.out" 2>&1
expect_eq "$?" 1 "a migration with a record the target refuses fails"
expect_contains "$T/m3.out" '迁移未完成，目标数据库未做任何改动'
expect_contains "$T/m3.out" "行政复议：源数据库中编号${C2ID}的记录，「案号」为“${TAKEN}”，目标数据库中已有相同案号的记录" \
  "the reason names the kind, the record, the field and the value"
expect_not_contains "$T/m3.out" 'internal error' "…and is not an internal error"
expect_eq "$(snapshot)" "$BEFORE" "the target is unchanged (audit, departments, users, cases, migrations, archive)"
expect_eq "$(sql "SELECT count(*) FROM dept WHERE name LIKE '另一县%'")" 0 "…no department of the refused county"
finish
