#!/bin/sh
# tests/http/177-loud-db-errors.sh
# A statement that fails for another reason than storage (here: its table
# was renamed under the running server, so every statement naming it
# fails with "no such table"/"does not exist") is a 500 with a Chinese
# message and one error-log line naming the statement — on a list, a
# record page, a create and the dashboard, in HTML and in the API; never a
# 200 page with the cases silently missing, a 404, or a 422. The server
# goes on: once the table is back, the same pages answer 200. A command
# whose statement failed exits non-zero with the same message, though it
# used to go on and exit 0 (fazhi report without its drafts' table,
# fazhi export without the holiday table its deadlines are counted on).
# Storage failures (503) are 150 and 152.
. "$(dirname "$0")/lib.sh"
start_server
api_login fuyi
login fuyi
REC=$(sql "SELECT min(id) FROM reconsideration WHERE dept_id=(SELECT id FROM dept WHERE name='示范县司法局')")
get /k/reconsideration
expect_status 200 "the list before"
expect_contains "$BODY" '共 '
get /
expect_status 200 "the dashboard before"

# The cases' table goes away under the server.
sql "ALTER TABLE reconsideration RENAME TO reconsideration_gone" >/dev/null
NEW='{"case_no":"示复〔2026〕响-1号","applicant":"响某","respondent":"示范县公安局","matter":"other","received":"2026-06-01","procedure":"ordinary"}'
MSG='服务器内部错误：数据库查询失败'

# HTML
get /k/reconsideration
expect_status 500 "the list: 500, not a page without its cases"
expect_contains "$BODY" "$MSG"
expect_not_contains "$BODY" '共 0 条'
get "/k/reconsideration/$REC"
expect_status 500 "a record page: 500, not 404"
expect_contains "$BODY" "$MSG"
expect_not_contains "$BODY" '不存在'
post_form /k/reconsideration/new case_no=示复〔2026〕响-2号 applicant=响某 respondent=示范县公安局 \
  matter=other received=2026-06-01 procedure=ordinary
expect_status 500 "a create through the form: 500, not 303 or 422"
expect_contains "$BODY" "$MSG"
get /
expect_status 500 "the dashboard: 500, not cards without the cases"
expect_contains "$BODY" "$MSG"
# API
api GET /api/v1/k/reconsideration
expect_status 500 "the API list: 500"
expect_json ".error.message | startswith(\"$MSG\")" "…with the Chinese message"
api GET "/api/v1/k/reconsideration/$REC"
expect_status 500 "the API record: 500, not 404"
expect_json ".error.message | startswith(\"$MSG\")"
api POST /api/v1/k/reconsideration "$NEW"
expect_status 500 "the API create: 500, not 201 or 422"
expect_json ".error.message | startswith(\"$MSG\")"
api GET /api/v1/indicators
expect_status 500 "the API dashboard: 500"
expect_json ".error.message | startswith(\"$MSG\")"
# other kinds are not concerned
api GET /api/v1/k/litigation
expect_status 200 "a list of another kind still answers 200"

# One log line per failed request, naming the request and the statement.
expect_eq "$(grep -c "数据库查询失败（500）" "$T/server.err")" 8 "eight failed requests, eight lines in the error log"
expect_contains "$T/server.err" "GET /k/reconsideration: 数据库查询失败（500）："
expect_contains "$T/server.err" "POST /api/v1/k/reconsideration: 数据库查询失败（500）："
grep "数据库查询失败（500）" "$T/server.err" >"$T/failed.lines"
expect_eq "$(grep -c 'reconsideration.*\[SELECT ' "$T/failed.lines")" 8 "…each with the database's message and the statement"
# The failure lines are expected; lib.sh counts any "fazhi: " line as an
# internal error, so they are set aside before the server stops.
grep -v '数据库查询失败（500）' "$T/server.err" >"$T/server.rest"
expect_eq "$(grep -c '^fazhi: ' "$T/server.rest")" 0 "nothing else in the error log"
grep '^fazhi: ' "$T/server.rest" | head -5 | sed 's/^/     | /'
: >"$T/server.err"

# The table is back: the same server answers again, and nothing was written.
sql "ALTER TABLE reconsideration_gone RENAME TO reconsideration" >/dev/null
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE applicant='响某'")" 0 "no create went through"
get /k/reconsideration
expect_status 200 "the list once the table is back"
expect_contains "$BODY" '共 '
api GET "/api/v1/k/reconsideration/$REC"
expect_status 200 "…and the record"
api POST /api/v1/k/reconsideration "$NEW"
expect_status 201 "…and a create"
stop_server

# ---- the command line ------------------------------------------------------
# fazhi report without the drafts' table used to print an internal error,
# write the report without them, and exit 0.
sql "ALTER TABLE report_version RENAME TO report_version_gone" >/dev/null
"$FAZHI" report --db "$DB" --year 2026 --format md -o "$T/r.md" >"$T/cli.out" 2>"$T/cli.err"
expect_ne "$?" 0 "fazhi report with a failed statement exits non-zero"
expect_contains "$T/cli.err" "fazhi: $MSG"
check "…naming the statement" grep -qE 'report_version.*\[SELECT ' "$T/cli.err"
sql "ALTER TABLE report_version_gone RENAME TO report_version" >/dev/null
# fazhi export without the holiday table (its notices are loaded when the
# database is opened) used to count deadlines without them, and exit 0.
sql "ALTER TABLE holiday RENAME TO holiday_gone" >/dev/null
"$FAZHI" export --db "$DB" reconsideration --format csv -o "$T/e.csv" >"$T/cli.out" 2>"$T/cli.err"
expect_ne "$?" 0 "fazhi export with a failed statement exits non-zero"
expect_contains "$T/cli.err" "fazhi: $MSG"
check "…naming the statement" grep -qE 'holiday.*\[SELECT ' "$T/cli.err"
sql "ALTER TABLE holiday_gone RENAME TO holiday" >/dev/null
"$FAZHI" export --db "$DB" reconsideration --format csv -o "$T/e.csv" >"$T/cli.out" 2>"$T/cli.err"
expect_eq "$?" 0 "…and with the table back, exit 0"
expect_eq "$(grep -c . "$T/cli.err")" 0 "…saying nothing on stderr"
finish
