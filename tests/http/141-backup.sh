#!/bin/sh
# tests/http/141-backup.sh
# Backups are real (issue 13 §8): a copy taken while a client keeps
# writing holds every write acknowledged before it began, passes
# `fazhi check`, and can be served. SQLite: `fazhi backup --db F -o FILE`;
# PostgreSQL: the pg_dump line the command prints (and the README gives),
# restored with pg_restore.
. "$(dirname "$0")/lib.sh"
start_server
api_login fuyi

# A client writing in the background: each acknowledged (201) create's
# case number is appended to $T/acked as soon as the answer is in.
: >"$T/acked"
writer(){
  i=0
  while [ ! -f "$T/stop" ]; do
    i=$((i+1))
    c=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data "{\"case_no\":\"示复〔2026〕备-$i号\",\"applicant\":\"备某\",\"respondent\":\"示范县公安局\",\"matter\":\"other\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\"}" \
      "$BASE/api/v1/k/reconsideration")
    [ "$c" = 201 ] && echo "示复〔2026〕备-$i号" >>"$T/acked"
  done
}
writer &
WRITER=$!
i=0
while [ "$(wc -l <"$T/acked")" -lt 20 ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
# Every write acknowledged before the backup began:
cp "$T/acked" "$T/before"
NBEFORE=$(wc -l <"$T/before")
check "the writer has writes acknowledged before the backup ($NBEFORE)" test "$NBEFORE" -ge 20

if [ -z "${FZ_PG_BASE:-}" ]; then
  "$FAZHI" backup --db "$DB" -o "$T/copy.db" >"$T/backup.out" 2>&1
  expect_eq "$?" 0 "fazhi backup while a client writes"
  expect_contains "$T/backup.out" '已备份到'
  COPY=$T/copy.db
  expect_eq "$(stat -c %a "$COPY")" 600 "the backup is readable by its owner only"
  check "no temporary file is left beside it" test -z "$(ls "$T" | grep 'copy.db.tmp')"
else
  "$FAZHI" backup --db "$DB" -o "$T/copy.db" >"$T/backup.out" 2>&1
  expect_eq "$?" 2 "fazhi backup on PostgreSQL points to pg_dump"
  expect_contains "$T/backup.out" 'pg_dump -Fc -f'
  # the documented line, then its restore
  pg_dump -Fc -f "$T/copy.dump" "$DB" 2>"$T/dump.err"
  expect_eq "$?" 0 "pg_dump while a client writes"
  psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE ${DBNAME}_bk" >/dev/null
  pg_restore -d "$FZ_PG_BASE dbname=${DBNAME}_bk" "$T/copy.dump" 2>"$T/restore.err"
  expect_eq "$?" 0 "pg_restore into a new database"
  COPY="$FZ_PG_BASE dbname=${DBNAME}_bk"
fi
sleep 0.5
touch "$T/stop"
wait $WRITER
NALL=$(wc -l <"$T/acked")
check "the client kept writing during the backup ($NALL > $NBEFORE)" test "$NALL" -gt "$NBEFORE"

# Every write acknowledged before the backup began is in the copy.
sql_on "$COPY" "SELECT case_no FROM reconsideration WHERE case_no LIKE '示复〔2026〕备-%'" | sort >"$T/incopy"
sort "$T/before" >"$T/before.sorted"
expect_eq "$(comm -23 "$T/before.sorted" "$T/incopy" | wc -l)" 0 "no acknowledged write missing from the copy"
"$FAZHI" check --db "$COPY" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes on the copy"
expect_contains "$T/check.out" '检查通过'

# Restore: serve the copy and read a record written before the backup.
stop_server
DB=$COPY
_spawn_server server
api_login fuyi
FIRST=$(head -1 "$T/before")
api_get /api/v1/k/reconsideration -G --data-urlencode "f_case_no=$FIRST"
expect_status 200 "the restored copy is served"
expect_json '.total == 1' "the first acknowledged write is in the restored copy"
if [ -n "${FZ_PG_BASE:-}" ]; then
  stop_server
  psql -q "$FZ_PG_BASE dbname=postgres" -c "DROP DATABASE IF EXISTS ${DBNAME}_bk" >/dev/null 2>&1
fi
# Refusals: no -o; the database itself as the target.
"$FAZHI" backup --db "$DB" >"$T/b2.out" 2>&1
expect_eq "$?" 2 "backup without -o"
expect_contains "$T/b2.out" '用法：fazhi backup'
if [ -z "${FZ_PG_BASE:-}" ]; then
  "$FAZHI" backup --db "$DB" -o "$DB" >"$T/b3.out" 2>&1
  expect_eq "$?" 1 "backup onto the database itself is refused"
  expect_contains "$T/b3.out" '不能是数据库本身'
fi
finish
