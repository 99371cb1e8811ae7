#!/bin/sh
# tests/http/188-local-time.sh
# Times are stored in UTC and shown as the county reads them: local time in
# the time_zone setting (北京时间 by default), "2026-12-07 21:56", on the
# audit log, a record's 变更记录 and the user list; the acting person by
# name and department, the command line as 系统（命令行）. A bad zone is
# refused in Chinese and changes nothing. Downloads carry Chinese names
# (RFC 5987 filename*: 行政复议_导入模板.xlsx, 示范县2025年法治政府建设情况报告.docx)
# beside an ASCII one. Issue 17 §5.
. "$(dirname "$0")/lib.sh"
start_server

# local_of ISO MINUTES: a stored UTC moment and what MINUTES east of UTC make of it (GNU date).
local_of(){ date -u -d "@$(( $(date -u -d "$(echo "$1" | sed 's/T/ /; s/Z$//') UTC" +%s) + $2*60 ))" '+%Y-%m-%d %H:%M'; }

login admin
post_form /admin/settings name=report_to "value=县委、县政府："
expect_status 303 "the admin saves a setting"
AT=$(sql "SELECT at FROM audit WHERE action='setting_set' ORDER BY id DESC LIMIT 1")
WANT=$(local_of "$AT" 480)
get /audit
expect_status 200 "the audit page"
expect_contains "$BODY" "$WANT" "the entry's time in 北京时间 ($AT → $WANT)"
expect_not_contains "$BODY" "$AT" "…not the stored UTC text"
expect_not_contains "$BODY" '（UTC）' "…nor a UTC heading"
ANAME=$(sql "SELECT u.name || '（' || d.name || '）' FROM users u JOIN dept d ON d.id=u.dept_id WHERE u.login='admin'")
expect_contains "$BODY" "$ANAME" "the person by name and department ($ANAME)"
expect_contains "$BODY" '系统（命令行）' "the demo's command-line entries as 系统（命令行）"

# A record's history: the demo wrote it from the command line.
KIND=reconsideration
ID=$(sql "SELECT rec_id FROM audit WHERE kind='$KIND' AND rec_id>0 ORDER BY id DESC LIMIT 1")
RAT=$(sql "SELECT at FROM audit WHERE kind='$KIND' AND rec_id=$ID ORDER BY id DESC LIMIT 1")
get "/k/$KIND/$ID"
expect_status 200 "a record's page"
expect_contains "$BODY" "$(local_of "$RAT" 480)" "its 变更记录 in 北京时间"
expect_not_contains "$BODY" "$RAT" "…not in UTC"

# The users list: created_at in local time.
UAT=$(sql "SELECT created_at FROM users WHERE login='leader'")
get "/admin/users?q=leader"
expect_contains "$BODY" "$(local_of "$UAT" 480)" "a user's creation time in 北京时间"

# Chinese file names, percent-encoded UTF-8, with the ASCII name kept for old clients.
uri(){ jq -rn --arg s "$1" '$s|@uri'; }
login fuyi
get /k/reconsideration/template.xlsx
expect_status 200 "the import template"
expect_header "^Content-Disposition: attachment; filename=\"reconsideration_template_[0-9]{14}\.xlsx\"; filename\*=UTF-8''$(uri 行政复议_导入模板)\.xlsx$" "named 行政复议_导入模板.xlsx"
get /k/reconsideration/export.xlsx
expect_header "filename\*=UTF-8''$(uri 行政复议_)[0-9]{8}\.xlsx$" "the export named 行政复议_YYYYMMDD.xlsx"
login admin
get "/report.docx?year=2025"
expect_status 200 "the report as Word"
COUNTY=$(sql "SELECT value FROM setting WHERE name LIKE 'county_name%' ORDER BY name LIMIT 1")
expect_header "filename\*=UTF-8''$(uri "${COUNTY}2025年法治政府建设情况报告")\.docx$" "named ${COUNTY}2025年法治政府建设情况报告.docx"
get "/report.xlsx?year=2025"
expect_header "filename\*=UTF-8''$(uri "${COUNTY}2025年法治政府建设情况报告_数字与统计口径")\.xlsx$" "its figures workbook named too"

# Another zone: the same entries shift; a bad one is refused, nothing written.
stop_server
S0=$(sql "SELECT count(*) FROM setting WHERE name='time_zone'")
for BAD in 'Mars/Base' '+08:10' '+15:00' '8'; do
  "$FAZHI" setting --db "$DB" time_zone "$BAD" >"$T/o" 2>"$T/e"
  expect_eq "$?" 2 "fazhi setting time_zone '$BAD' is refused"
  expect_contains "$T/e" '应为与UTC的时差' "…with a Chinese reason"
done
expect_eq "$(sql "SELECT count(*) FROM setting WHERE name='time_zone'")" "$S0" "nothing was written"
"$FAZHI" setting --db "$DB" time_zone 'UTC+5:30' >"$T/o" 2>"$T/e"
expect_eq "$?" 0 "UTC+5:30 is a zone"
_spawn_server server                      # the same database again
login admin
get /audit
expect_contains "$BODY" "$(local_of "$AT" 330)" "the same entry at UTC+5:30"
"$FAZHI" setting --db "$DB" time_zone '+00:00' >"$T/o" 2>"$T/e"
get /audit
expect_contains "$BODY" "$(echo "$AT" | cut -c1-16 | tr T ' ')" "…and at +00:00 as stored (read per request, no restart)"

# "Today" is the county's date too, not the server's: unpinned, the
# report's 数据截至 is now in the zone (here +14:00, a day ahead of UTC
# for 14 hours of 24: the date must follow the zone, the hour too).
stop_server
"$FAZHI" setting --db "$DB" time_zone '+14:00' >"$T/o" 2>&1
unset FAZHI_TODAY
_spawn_server server
login admin
cn_day(){ date -u -d "@$(( $(date -u +%s) + 14*3600 ))" '+%Y年%-m月%-d日 %H'; }
W1=$(cn_day)
get "/report.md?year=2025&version=data"
W2=$(cn_day)
check "数据截至 is now in the county's zone ($W1 or $W2)" sh -c "grep -q '数据截至：$W1' '$BODY' || grep -q '数据截至：$W2' '$BODY'"
stop_server
finish
