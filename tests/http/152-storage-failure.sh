#!/bin/sh
# tests/http/152-storage-failure.sh
# A database that fails under a running server (here: SQLite's write
# lock held elsewhere past the busy timeout; pages overwritten on disk, so
# the server's reads come back "database disk image is malformed") is answered 503 with Retry-After and a Chinese
# message, and logged; never as not-found (404), not-logged-in (401),
# wrong password or invalid input (422). PostgreSQL's outage is in 150.
. "$(dirname "$0")/lib.sh"
if [ -n "${FZ_PG_BASE:-}" ]; then
  echo "     (SQLite only: the PostgreSQL outage is tests/http/150-db-outage.sh)"
  finish
fi
start_server
api_login fuyi
REC=$(sql "SELECT min(id) FROM reconsideration WHERE dept_id=(SELECT id FROM dept WHERE name='示范县司法局')")
api GET "/api/v1/k/reconsideration/$REC"
expect_status 200 "the record before the failure"
login fuyi
get "/k/reconsideration/$REC"
expect_status 200 "…and its page"

# 0. The write lock held elsewhere past the busy timeout (10 s): a write
# gets 503, and reads go on (WAL).
( echo "BEGIN IMMEDIATE;"; sleep 13; echo "ROLLBACK;" ) | sqlite3 "$DB" &
HOLDER=$!
sleep 0.5
api PUT "/api/v1/k/reconsideration/$REC" '{"note":"锁"}'
expect_status 503 "a write while another process holds the write lock past the timeout: 503"
expect_header '^Retry-After: [0-9]+' "…with Retry-After"
api GET "/api/v1/k/reconsideration/$REC"
expect_status 200 "…while reads go on"
wait "$HOLDER"
api PUT "/api/v1/k/reconsideration/$REC" '{"note":"锁后"}'
expect_status 200 "the lock released, the write goes through"

# zero_table TABLE: overwrite the root page of TABLE in the file (after the
# WAL is written back into it, so the server reads that page from the file).
PAGE=$(sqlite3 "$DB" "PRAGMA page_size")
zero_table(){
  sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  _root=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_master WHERE type='table' AND name='$1'")
  dd if=/dev/zero of="$DB" bs="$PAGE" seek=$((_root-1)) count=1 conv=notrunc 2>/dev/null
}

# 1. The cases' table fails.
zero_table reconsideration
api GET "/api/v1/k/reconsideration/$REC"
expect_status 503 "an existing record on a failing database: 503, not 404"
expect_header '^Retry-After: [0-9]+' "…with Retry-After"
expect_json '.error.message == "数据库暂时不可用，请稍后重试"' "…and a Chinese message"
get "/k/reconsideration/$REC"
expect_status 503 "…its page too"
expect_contains "$BODY" '数据库暂时不可用，请稍后重试'
expect_not_contains "$BODY" '不存在'
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕坏-1号","applicant":"坏某","respondent":"示范县公安局","matter":"other","received":"2026-06-01","procedure":"ordinary"}'
expect_status 503 "a create on a failing database: 503, not 422 or 500"
api PUT "/api/v1/k/reconsideration/$REC" '{"note":"坏"}'
expect_status 503 "an update: 503"

# 2. The users' table fails: sessions and logins cannot be read.
zero_table users
api GET /api/v1/me
expect_status 503 "a valid token on a failing database: 503, not 401"
TOKEN=
api POST /api/v1/login '{"login":"fuyi","password":"demo-2026"}'
expect_status 503 "a correct login on a failing database: 503, not a wrong password"
expect_not_contains "$BODY" '账号或密码错误'

expect_contains "$T/server.err" "GET /api/v1/k/reconsideration/$REC: 数据库暂时不可用（503）：database disk image is malformed" \
  "the error log says which request failed and why"
# The failure lines are expected; lib.sh counts any "fazhi: " line as an
# internal error, so they are set aside before the server stops.
grep -v '数据库暂时不可用' "$T/server.err" >"$T/server.rest"
expect_eq "$(grep -c '^fazhi: ' "$T/server.rest")" 0 "nothing but the failure lines in the error log"
grep '^fazhi: ' "$T/server.rest" | head -5 | sed 's/^/     | /'
: >"$T/server.err"
finish
