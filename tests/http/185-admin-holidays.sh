#!/bin/sh
# tests/http/185-admin-holidays.sh
# 节假日 (/admin/holidays, issue 15 §1): a year of the calendar as twelve
# month grids (Monday first) with days off and make-up working days named
# and weekends shaded; adding a State Council notice's days (a range or a
# day, off or work, a name) through holiday_add: each day a holiday row
# with its audit entry; the running server's calendar and the table
# cal_day follow at once, so a record's due date moves on its page without
# a restart and `fazhi check` passes; refused (Chinese, beside the field,
# nothing written): a day already set the same way, years outside
# 2000–2100, a make-up day on a weekday, a backwards range, no name. A
# clerk or a leader gets 403.
. "$(dirname "$0")/lib.sh"
start_server

login admin
get "/admin/holidays?year=2026"
expect_status 200
expect_contains "$BODY" '节假日' "the page"
expect_contains "$BODY" 'href="/admin/holidays"' "the menu names the page"
expect_contains "$BODY" '<caption>1月</caption>' "month grids"
expect_contains "$BODY" '<caption>12月</caption>' "…twelve of them"
expect_contains "$BODY" '<th scope="col" class="">一</th>' "Monday first"
expect_contains "$BODY" 'id="d-2026-10-01" title="放假：国庆节' "a day off named (built-in notice)"
expect_contains "$BODY" 'class="we" id="d-2026-06-06"' "a weekend shaded"
expect_contains "$BODY" 'class="work"' "a make-up working day"
expect_contains "$BODY" '调休上班' "…named so"
expect_contains "$BODY" 'name="_csrf"' "the form carries the CSRF token"
get "/admin/holidays?year=2027"
expect_contains "$BODY" '2027年的节假日安排尚未登记' "an unknown year is said so"

# A record's due date, before the change
REC=$(sql "SELECT id FROM reconsideration WHERE state NOT IN ('decided','closed','withdrawn') ORDER BY id LIMIT 1")
get "/k/reconsideration/$REC"
expect_status 200
DUE=$(sed -n 's/.*<h2>法定期限<\/h2>.*<td>\(20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]\)<\/td>.*/\1/p' "$BODY" | head -1)
check "record $REC has a due date ($DUE)" test -n "$DUE"
A0=$(sql "SELECT count(*) FROM audit")

# bad input: nothing written
post_form /admin/holidays from=2026-06-29 to= kind=work name=测试
expect_status 422
expect_contains "$BODY" '本来就是工作日' "a make-up day on a weekday"
expect_contains "$BODY" 'class="err"' "…beside the field"
post_form /admin/holidays from=2026-10-01 to=2026-10-03 kind=off name=国庆
expect_status 422
expect_contains "$BODY" '2026-10-01已登记为放假（国庆节' "a day already off"
post_form /admin/holidays from=2101-01-01 to= kind=off name=元旦
expect_status 422
expect_contains "$BODY" '只能登记2000年至2100年的日期' "after 2100"
post_form /admin/holidays from=1999-12-31 to= kind=off name=元旦
expect_status 422
expect_contains "$BODY" '只能登记2000年至2100年的日期' "before 2000"
post_form /admin/holidays from=2027-02-12 to=2027-02-06 kind=off name=春节
expect_status 422
expect_contains "$BODY" '结束日期早于开始日期' "a backwards range"
post_form /admin/holidays from=2027-02-06 to= kind=off name=
expect_status 422
expect_contains "$BODY" '请填写名称' "no name"
post_form /admin/holidays from=2027-02-30 to= kind=off name=春节
expect_status 422
expect_contains "$BODY" '日期无效' "no such day"
post_form /admin/holidays from=2027-02-06 to= kind=rest name=春节
expect_status 422
expect_contains "$BODY" '请选择“放假”或“调休上班”' "a kind neither off nor work"
post /admin/holidays --data-urlencode from=2027-02-06 --data-urlencode kind=off --data-urlencode name=x
expect_status 403
expect_eq "$(sql "SELECT count(*) FROM audit")" "$A0" "the refusals logged nothing"
expect_eq "$(sql "SELECT count(*) FROM holiday")" 0 "…and wrote nothing"

# a range: each day, each audited
post_form /admin/holidays from=2027-02-06 to=2027-02-12 kind=off name=2027年春节
expect_status 303
expect_eq "$(location)" "/admin/holidays?year=2027&msg=holiday" "back to the year"
expect_eq "$(sql "SELECT count(*) FROM holiday WHERE dkind='o' AND name='2027年春节'")" 7 "seven days off"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='holiday_set'")" 7 "…each audited"
post_form /admin/holidays from=2027-02-14 to= kind=work name=2027年春节
expect_status 303
expect_eq "$(sql "SELECT dkind FROM holiday WHERE day='2027-02-14'")" w "a make-up Sunday"
get "/admin/holidays?year=2027&msg=holiday"
expect_contains "$BODY" '已登记' "the flash"
expect_contains "$BODY" 'class="off" id="d-2027-02-10" title="放假：2027年春节"' "the grid shows the new days"
expect_contains "$BODY" 'class="work" id="d-2027-02-14" title="调休上班：2027年春节"' "…and the make-up day"
expect_contains "$BODY" '2027-02-06 至 2027-02-12' "the list names the run"
expect_not_contains "$BODY" '2027年的节假日安排尚未登记' "2027 is entered now…"
expect_contains "$BODY" '2027年的节假日安排未完整登记（尚缺元旦、清明节、劳动节、端午节、中秋节、国庆节的放假日）' \
  "…but not whole: one festival of seven (issue 16 §4, see 205)"
post_form /admin/holidays from=2027-02-08 to=2027-02-09 kind=off name=春节
expect_status 422
expect_contains "$BODY" '2027-02-08已登记为放假（2027年春节）' "a day already set the same way"

# the due date moves, without a restart
post_form /admin/holidays "from=$DUE" to= kind=off name=测试放假
expect_status 303
get "/k/reconsideration/$REC"
DUE2=$(sed -n 's/.*<h2>法定期限<\/h2>.*<td>\(20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]\)<\/td>.*/\1/p' "$BODY" | head -1)
check "the due date moved from $DUE to $DUE2" test "$DUE2" \> "$DUE"
expect_eq "$(sql "SELECT cwork FROM cal_day WHERE cday='$DUE'")" 0 "cal_day (the periods counted in SQL) follows"

# clerks and leaders: 403
for U in leader fuyi; do
  login $U
  get /admin/holidays
  expect_status 403
  post_form /admin/holidays from=2027-03-01 to= kind=off name=x
  expect_status 403
done
expect_eq "$(sql "SELECT count(*) FROM holiday WHERE day='2027-03-01'")" 0 "nothing written by them"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the web changes"
expect_contains "$T/check.out" '检查通过'
# the command line still adds a day
"$FAZHI" holiday --db "$DB" add 2027-10-01 off 国庆节 >"$T/cli.out" 2>&1
expect_eq "$?" 0 "fazhi holiday add"
"$FAZHI" holiday --db "$DB" add 2027-02-10 off 春节 >"$T/cli.out" 2>"$T/cli.err"
expect_eq "$?" 2 "the command refuses a day already set the same way"
expect_contains "$T/cli.err" '2027-02-10已登记为放假（2027年春节）' "…with the page's message"
"$FAZHI" holiday --db "$DB" add 2101-01-01 off 元旦 >"$T/cli.out" 2>"$T/cli.err"
expect_eq "$?" 2 "…and a day after 2100"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "check passes after the command"
sql "UPDATE holiday SET name='篡改' WHERE day='2027-02-10'" >/dev/null
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_ne "$?" 0 "check finds a tampered holiday"
finish
