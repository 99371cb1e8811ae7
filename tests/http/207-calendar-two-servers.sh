#!/bin/sh
# tests/http/207-calendar-two-servers.sh
# Two `fazhi serve` on one database (run on SQLite and on PostgreSQL): the
# holiday calendar a server computes with is the database's as of the
# request, whoever changed it — the other server's 节假日 page or
# `fazhi holiday` — without a restart (each change counts in the internal
# setting holiday_gen; every request reads it and reloads when it moved).
FAZHI_TODAY=2026-12-28; export FAZHI_TODAY
. "$(dirname "$0")/lib.sh"
start_server
start_second_server
expect_ne "$BASE1" "$BASE2" "two servers on two ports"

on_server 1
api_login fuyi
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕双日历-1号","applicant":"甲","respondent":"示范县交通运输局","matter":"other","received":"2026-12-28","procedure":"ordinary"}'
expect_status 201
REC=$(json .id)
due_on(){   # due_on SERVER: "due flagged|clear" of the case's 受理审查期限 as that server computes it
  on_server "$1"
  api_get "/api/v1/k/reconsideration/$REC"
  jq -r '.deadlines[] | select(.name=="acceptance") | .due + " " + (if .calendar_incomplete then "flagged" else "clear" end)' "$BODY"
}
expect_eq "$(due_on 1)" "2027-01-04 flagged" "server 1 before: weekends only, flagged"
expect_eq "$(due_on 2)" "2027-01-04 flagged" "server 2 before"

# a day off added through server 1: server 2 counts it at its next request
on_server 1
login admin
post_form /admin/holidays from=2027-01-01 to= kind=off name=2027年元旦
expect_status 303 "元旦 added through server 1"
expect_eq "$(due_on 2)" "2027-01-05 flagged" "server 2 computes with it at once (and 2027 is still not whole)"
on_server 2
login admin
get "/admin/holidays?year=2027"
expect_contains "$BODY" '2027年的节假日安排未完整登记（尚缺春节' "server 2's page knows what server 1 added"
expect_contains "$BODY" 'class="off" id="d-2027-01-01" title="放假：2027年元旦"' "…in its grid"

# the mark through server 2: server 1 clears the flag at once
post_form /admin/holidays/complete year=2027 notice=国务院办公厅关于2027年部分节假日安排的通知
expect_status 303 "2027 marked whole through server 2"
expect_eq "$(due_on 1)" "2027-01-05 clear" "server 1 clears the flag at once"
on_server 1
get "/k/reconsideration/$REC"
expect_not_contains "$BODY" '节假日未完整登记' "…on the case's page too"
get "/admin/holidays?year=2027"
expect_contains "$BODY" '2027年节假日安排：已完整（管理员已标记）' "server 1's page says whole"

# the command line, while both run: each server takes it at its next request
"$FAZHI" holiday --db "$DB" uncomplete 2027 >"$T/cli.out" 2>&1
expect_eq "$?" 0 "fazhi holiday uncomplete while the servers run"
expect_eq "$(due_on 1)" "2027-01-05 flagged" "server 1 flags again"
expect_eq "$(due_on 2)" "2027-01-05 flagged" "server 2 flags again"
"$FAZHI" holiday --db "$DB" add 2027-01-05 off 测试放假 >"$T/cli.out" 2>&1
expect_eq "$?" 0 "fazhi holiday add while the servers run"
expect_contains "$T/cli.out" '运行中的服务在下一个请求时生效' "…says when it takes effect"
expect_eq "$(due_on 2)" "2027-01-06 flagged" "server 2 moves the due date"
expect_eq "$(due_on 1)" "2027-01-06 flagged" "server 1 too"
expect_eq "$(sql "SELECT cwork FROM cal_day WHERE cday='2027-01-05'")" 0 "cal_day (periods counted in SQL) follows"
N=$(sql "SELECT value FROM setting WHERE name='holiday_gen'")
expect_eq "$N" 4 "four changes counted (add, mark, undo, add)"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after changes from two servers and the command line"
expect_contains "$T/check.out" '检查通过'
finish
