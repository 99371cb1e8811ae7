#!/bin/sh
# tests/http/205-calendar-year-whole.sh
# A calendar that knows when a year is whole (issue 16 §4). Today is
# 2026-12-28; a 复议 received that day has a 受理审查 period of five
# working days, ending in 2027, whose notice is not built in.
#   - 2027 not entered: the period is flagged in the case's page, in the
#     list's 期限 column and in the API (calendar_incomplete, _year).
#   - Only 元旦 entered (`fazhi holiday add 2027-01-01 …`'s old trap): the
#     due date counts it (2027-01-05, not 01-04) but 2027 is still not
#     whole: the 节假日 page says which festivals are missing, and every
#     flag stays.
#   - The admin marks 2027 年度安排已完整登记 citing the notice: audited
#     (holiday_year), the flags go at once; undone, they are back.
#   - Refused in Chinese beside the field, nothing written: a year with
#     nothing entered, not a year, a built-in year, no notice, an undo of
#     no mark. A clerk or a leader: 403.
#   - `fazhi check` passes, and finds the mark's row edited behind the log.
FAZHI_TODAY=2026-12-28; export FAZHI_TODAY
. "$(dirname "$0")/lib.sh"
start_server

# a case whose period reaches 2027
api_login fuyi
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕年末-1号","applicant":"甲","respondent":"示范县交通运输局","matter":"other","received":"2026-12-28","procedure":"ordinary"}'
expect_status 201 "a case received 2026-12-28"
REC=$(json .id)
api_get "/api/v1/k/reconsideration/$REC"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == "2027-01-04" and .calendar_incomplete == true and .calendar_incomplete_year == 2027' \
  "API: 2027 not entered, the period is flagged"

login admin
get "/admin/holidays?year=2027"
expect_status 200
expect_contains "$BODY" '2027年的节假日安排尚未登记' "the page: 2027 not entered"
expect_contains "$BODY" '<option value="2027" selected>2027年（未登记）</option>' "…and the year's choice says so"
get "/admin/holidays?year=2026"
expect_contains "$BODY" '2026年节假日安排：已完整（内置）' "a built-in year is whole"

# only 元旦 entered
post_form /admin/holidays from=2027-01-01 to= kind=off name=2027年元旦
expect_status 303
get "/admin/holidays?year=2027"
expect_contains "$BODY" '2027年的节假日安排未完整登记（尚缺春节、清明节、劳动节、端午节、中秋节、国庆节的放假日）' \
  "one festival is not a whole year: the page names the missing ones"
expect_contains "$BODY" '2027年（未完整）' "…and the year's choice"
expect_contains "$BODY" 'action="/admin/holidays/complete"' "the 年度安排已完整登记 form"
expect_not_contains "$BODY" '2027年节假日安排：已完整' "not said whole"
get "/k/reconsideration/$REC"
expect_status 200
expect_contains "$BODY" '2027-01-05<small class="calgap">（⚠节假日未完整登记：期间跨入2027年' \
  "detail: 元旦 counted (01-05), and still flagged"
get "/k/reconsideration?f_case_no=示复〔2026〕年末-1号"
expect_contains "$BODY" '共 1 条' "the list finds the case"
expect_contains "$BODY" 'title="期间跨入2027年，该年的节假日安排尚未完整登记' "list: the 期限 column flags it"
expect_contains "$BODY" '⚠节假日未完整登记</small>' "…in words"
api_as fuyi
api_get "/api/v1/k/reconsideration/$REC"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == "2027-01-05" and .calendar_incomplete == true and .calendar_incomplete_year == 2027' \
  "API: still flagged with only 元旦"
get "/?year=2026"
expect_status 200
check "the dashboard marks 2026's 法定期限结案率 (its periods reach 2027)" \
  sh -c "grep -o 'data-indicator=\"reconsideration.ontime_rate\".*' '$BODY' | sed 's/data-indicator=\"reconsideration.correction_rate.*//' | grep -q '※2027年节假日安排未完整登记'"
get "/?year=2025"
expect_not_contains "$BODY" '※' "…not 2025's"

# bad input: Chinese, beside the field, nothing written
A0=$(sql "SELECT count(*) FROM audit")
post_form /admin/holidays/complete year=2031 notice=国务院办公厅关于2031年部分节假日安排的通知
expect_status 422
expect_contains "$BODY" '2031年尚未登记任何放假日' "a year with nothing entered"
expect_contains "$BODY" '年度' "…naming the field"
post_form /admin/holidays/complete year=二〇二七 notice=x
expect_status 422
expect_contains "$BODY" '年度应为2000至2100之间的年份，“二〇二七”不是' "not a year"
post_form /admin/holidays/complete year=2101 notice=x
expect_status 422
expect_contains "$BODY" '年度应为2000至2100之间的年份' "after 2100"
post_form /admin/holidays/complete year=2026 notice=x
expect_status 422
expect_contains "$BODY" '2026年的节假日安排已内置于系统' "a built-in year"
post_form /admin/holidays/complete year=2027 notice=
expect_status 422
expect_contains "$BODY" '请填写所依据的通知' "no notice cited"
expect_contains "$BODY" 'id="h-notice" name="notice" value="" aria-invalid="true"' "…beside its field"
post_form /admin/holidays/complete year=2027 undo=1
expect_status 422
expect_contains "$BODY" '2027年没有“年度安排已完整登记”的标记' "an undo of no mark"
post /admin/holidays/complete --data-urlencode year=2027 --data-urlencode notice=x
expect_status 403 "no CSRF token"
for U in leader fuyi; do
  login $U
  post_form /admin/holidays/complete year=2027 notice=国务院办公厅关于2027年部分节假日安排的通知
  expect_status 403 "$U may not mark a year"
  expect_contains "$BODY" '仅县级管理员可以访问' "…told in Chinese"
done
expect_eq "$(sql "SELECT count(*) FROM audit")" "$A0" "the refusals logged nothing"
expect_eq "$(sql "SELECT count(*) FROM holiday_year")" 0 "…and wrote nothing"

# the admin's mark: audited, the flags go at once
login admin
post_form /admin/holidays/complete year=2027 notice=国务院办公厅关于2027年部分节假日安排的通知
expect_status 303
expect_eq "$(location)" "/admin/holidays?year=2027&msg=holiday_mark" "back to the year"
expect_eq "$(sql "SELECT notice||'|'||marked_by FROM holiday_year WHERE year=2027")" "国务院办公厅关于2027年部分节假日安排的通知|admin" "the mark's row"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='holiday_year' AND kind='@holiday_year'")" 1 "…audited"
get "/admin/holidays?year=2027&msg=holiday_mark"
expect_contains "$BODY" '已标记：该年度节假日安排已完整登记' "the flash"
expect_contains "$BODY" '2027年节假日安排：已完整（管理员已标记）。依据：国务院办公厅关于2027年部分节假日安排的通知（admin 于' "the page: whole, by whom, on what"
expect_contains "$BODY" '撤销“年度安排已完整登记”标记' "…with its undo"
expect_contains "$BODY" '<option value="2027" selected>2027年</option>' "the year's choice no longer warns"
get "/k/reconsideration/$REC"
expect_not_contains "$BODY" '节假日未完整登记' "detail: no flag"
get "/k/reconsideration?f_case_no=示复〔2026〕年末-1号"
expect_not_contains "$BODY" '节假日未完整登记' "list: no flag"
get "/?year=2026"
expect_not_contains "$BODY" '※' "dashboard: no mark"
api_as fuyi
api_get "/api/v1/k/reconsideration/$REC"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == "2027-01-05" and .calendar_incomplete == false and (has("calendar_incomplete_year") | not)' \
  "API: no flag"

# undone: flagged again; marked again
post_form /admin/holidays/complete year=2027 undo=1
expect_status 303
expect_eq "$(location)" "/admin/holidays?year=2027&msg=holiday_unmark"
expect_eq "$(sql "SELECT count(*) FROM holiday_year")" 0 "the mark is gone"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='holiday_year_undo'")" 1 "…audited"
get "/k/reconsideration/$REC"
expect_contains "$BODY" '⚠节假日未完整登记' "flagged again"
post_form /admin/holidays/complete year=2027 notice=国务院办公厅关于2027年部分节假日安排的通知
expect_status 303
get "/audit"
expect_contains "$BODY" '标记节假日年度安排已完整登记' "the audit page names the action"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the marks"
expect_contains "$T/check.out" '检查通过'
sql "UPDATE holiday_year SET notice='改过的通知' WHERE year=2027" >/dev/null
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_ne "$?" 0 "fazhi check finds the edited mark"
expect_contains "$T/check.out" '节假日年度完整标记“2027”与审计日志最后一次记载的内容不一致' "…naming it"
sql "DELETE FROM holiday_year" >/dev/null
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_ne "$?" 0 "…and a deleted one"
finish
