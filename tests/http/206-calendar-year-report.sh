#!/bin/sh
# tests/http/206-calendar-year-report.sh
# A year becomes whole when a day off of each festival the State Council's
# notices name (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节) is entered —
# here by `fazhi holiday add` while the server runs, which the server
# takes at its next request (no restart) — and until then the annual
# report warns its drafter, marks each figure counting periods that may
# reach the year (※) and refuses to freeze.
# The 2027 days below are made up for the test (the 2027 notice is not
# on this machine): only their names and kinds matter here.
FAZHI_TODAY=2026-12-28; export FAZHI_TODAY
. "$(dirname "$0")/lib.sh"
start_server

api_login fuyi
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕年末-2号","applicant":"甲","respondent":"示范县交通运输局","matter":"other","received":"2026-12-28","procedure":"ordinary"}'
expect_status 201
REC=$(json .id)

# the command line says what is whole
"$FAZHI" holiday --db "$DB" status >"$T/status.out" 2>&1
expect_eq "$?" 0 "fazhi holiday status"
expect_contains "$T/status.out" '2026年  已完整（内置）' "a built-in year"
expect_contains "$T/status.out" '2027年  未登记' "…and the next one"
"$FAZHI" holiday --db "$DB" status 2o27 >"$T/status.out" 2>&1
expect_eq "$?" 2 "status of no year"
expect_contains "$T/status.out" '年度应为2000至2100之间的年份，“2o27”不是' "…said in Chinese"
"$FAZHI" holiday --db "$DB" complete 2031 国务院办公厅关于2031年部分节假日安排的通知 >"$T/cli.out" 2>&1
expect_eq "$?" 2 "the command refuses to mark a year with nothing entered"
expect_contains "$T/cli.out" '2031年尚未登记任何放假日' "…as the page does"

# the report of 2026: periods of its cases reach 2027
login admin
get "/report.md?year=2026&version=data"
expect_status 200
expect_contains "$BODY" '请起草人注意：2027年的节假日安排尚未登记' "the drafter is warned"
expect_contains "$BODY" '※2027年节假日安排未完整登记，此数可能有误' "a figure counting periods is marked"
get "/report.md?year=2025&version=data"
expect_not_contains "$BODY" '节假日安排' "the 2025 report depends on whole years only"
expect_not_contains "$BODY" '※' "…and marks nothing"
api_login admin
api POST /api/v1/report/drafts '{"year":2026}'
expect_status 201 "a 2026 draft"
V=$(json .id)
get "/report/drafts/$V" >/dev/null 2>&1
get "/report/drafts?year=2026"
expect_contains "$BODY" 'id="cal-gap"' "the drafts page warns"
api_as admin
api POST "/api/v1/report/v/$V/freeze"
expect_status 422 "freeze refused"
expect_json '.errors | any(.message | contains("2027年的节假日安排尚未完整登记，报告中依据办理期限计算的数字（标注“※”）可能有误"))' \
  "…because of the calendar"

# six festivals by the command line (a make-up day names none): not whole
for e in "2027-01-01 off 元旦" "2027-02-06 off 2027年春节" "2027-02-07 work 春节" "2027-04-05 off 清明节" \
         "2027-05-03 off 劳动节" "2027-06-09 off 端午节" "2027-09-26 work 国庆节"; do
  # shellcheck disable=SC2086
  "$FAZHI" holiday --db "$DB" add $e >"$T/cli.out" 2>&1 || { fail "fazhi holiday add $e"; cat "$T/cli.out"; }
done
expect_contains "$T/cli.out" '2027年  未完整：尚缺中秋节、国庆节' "the command says what is missing"
get "/k/reconsideration/$REC"
expect_contains "$BODY" '2027-01-05<small class="calgap">' "the server took 元旦 at once (no restart), still flagged"
get "/admin/holidays?year=2027"
expect_contains "$BODY" '尚缺中秋节、国庆节的放假日' "the page agrees with the command"

# the seventh, as 国庆节、中秋节 (one block names both): whole
"$FAZHI" holiday --db "$DB" add 2027-10-01 off 国庆节、中秋节 >"$T/cli.out" 2>&1
expect_eq "$?" 0
expect_contains "$T/cli.out" '2027年  已完整（七个节日均已登记）' "whole by its entries"
get "/admin/holidays?year=2027"
expect_contains "$BODY" '2027年节假日安排：已完整（七个节日均已登记）' "the page agrees"
expect_not_contains "$BODY" 'action="/admin/holidays/complete"' "no mark is needed (nor offered)"
get "/k/reconsideration/$REC"
expect_contains "$BODY" '2027-01-05</td>' "detail: the due date"
expect_not_contains "$BODY" '节假日未完整登记' "…unflagged"
api_as fuyi
api_get "/api/v1/k/reconsideration/$REC"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == "2027-01-05" and .calendar_incomplete == false' "API: unflagged"
get "/report.md?year=2026&version=data"
expect_not_contains "$BODY" '请起草人注意' "the report no longer warns"
expect_not_contains "$BODY" '※' "…nor marks"
get "/report/drafts?year=2026"
expect_not_contains "$BODY" 'id="cal-gap"' "…nor the drafts page"
api_as admin
api POST "/api/v1/report/v/$V/freeze"
expect_json '.errors | all(.message | contains("节假日") | not)' "the freeze no longer names the calendar"
"$FAZHI" holiday --db "$DB" complete 2027 国务院办公厅关于2027年部分节假日安排的通知 >"$T/cli.out" 2>&1
expect_eq "$?" 2 "a year whole by its entries is not marked"
expect_contains "$T/cli.out" '2027年七个节日的放假日均已登记，年度安排已完整，无需标记'

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check"
expect_contains "$T/check.out" '检查通过'
finish
