#!/bin/sh
# tests/http/189-audit-page.sh
# 操作审计日志 (/audit, issue 17 §5): filters by person (账号或姓名), action,
# kind and a date range (days in the county's zone); 共N条 and page
# numbers; the same query exported to xlsx (/audit.xlsx); the hash only on
# an entry's own page (/audit/N). A bad date or kind is named beside its
# field (422) and lists nothing; clerks and leaders get 403.
. "$(dirname "$0")/lib.sh"
start_server

login admin
post_form /admin/settings name=report_to "value=县委、县政府："
expect_status 303 "the admin changes a setting (one audit entry)"
SID=$(sql "SELECT max(id) FROM audit WHERE action='setting_set'")
TOTAL=$(sql "SELECT count(*) FROM audit")

get /audit
expect_status 200 "the log"
expect_contains "$BODY" "共 $TOTAL 条" "共N条 counts every entry the whole county's admin sees"
expect_contains "$BODY" "第 1 / $(( (TOTAL + 49) / 50 )) 页" "…and the pages"
expect_contains "$BODY" 'name="who"' "a 操作人 filter"
expect_contains "$BODY" '<option value="setting_set">修改设置</option>' "an 操作 filter by Chinese names"
expect_contains "$BODY" '<option value="reconsideration">行政复议</option>' "an 对象 filter by kind"
expect_contains "$BODY" "href=\"/audit/$SID\"" "each entry opens its own page"
check "no hash on the list" sh -c "! sed -n '/<tbody>/,/<\/tbody>/p' '$BODY' | grep -Eq '[0-9a-f]{12}'"

ANAME=$(sql "SELECT u.name || '（' || d.name || '）' FROM users u JOIN dept d ON d.id=u.dept_id WHERE u.login='admin'")
get /audit -G --data-urlencode who=admin --data-urlencode action=setting_set
N=$(sql "SELECT count(*) FROM audit WHERE login='admin' AND action='setting_set'")
expect_contains "$BODY" "共 $N 条" "by person (login) and action: $N"
get /audit -G --data-urlencode "who=$(sql "SELECT name FROM users WHERE login='admin'")" --data-urlencode action=setting_set
expect_contains "$BODY" "共 $N 条" "…or by the person's name"
get /audit -G --data-urlencode "who=$ANAME" --data-urlencode action=setting_set
expect_contains "$BODY" "共 $N 条" "…or as the page shows the person: $ANAME"
NCLI=$(sql "SELECT count(*) FROM audit WHERE user_id=0")
get /audit -G --data-urlencode "who=系统（命令行）"
expect_contains "$BODY" "共 $NCLI 条" "系统（命令行） finds the command line's entries"
NK=$(sql "SELECT count(*) FROM audit WHERE kind='reconsideration'")
get /audit -G --data-urlencode kind=reconsideration
expect_contains "$BODY" "共 $NK 条" "by kind: $NK"
check "…only that kind's entries" sh -c "! grep -Eq '<td><a href=\"/k/[a-z_]+/' '$BODY' || ! grep -E '<td><a href=\"/k/[a-z_]+/' '$BODY' | grep -vq '/k/reconsideration/'"
TODAY=$(date -u -d '+8 hours' +%Y-%m-%d)
get /audit -G --data-urlencode action=setting_set --data-urlencode from=$TODAY --data-urlencode to=$TODAY
expect_contains "$BODY" "href=\"/audit/$SID\"" "a date range of today (北京时间) holds today's entry"
get /audit -G --data-urlencode from=2000-01-01 --data-urlencode to=2000-01-02
expect_contains "$BODY" '共 0 条' "a range with nothing in it"
get /audit -G --data-urlencode from=2026-02-30
expect_status 422 "an impossible date"
expect_contains "$BODY" '请输入正确的日期' "…named beside its field"
expect_contains "$BODY" '共 0 条' "…and nothing listed"
get /audit -G --data-urlencode from=2026-03-02 --data-urlencode to=2026-03-01
expect_status 422 "an end before the start"
expect_contains "$BODY" '结束日期不能早于开始日期'
get /audit -G --data-urlencode kind=nonsense
expect_status 422 "an unknown kind"
expect_contains "$BODY" '没有这类记录：“nonsense”'

# One entry in full: before, after, and both hashes.
get "/audit/$SID"
expect_status 200 "an entry's page"
expect_contains "$BODY" "$(sql "SELECT hash FROM audit WHERE id=$SID")" "its hash"
expect_contains "$BODY" "$(sql "SELECT prev_hash FROM audit WHERE id=$SID")" "…and the one it chains to"
expect_contains "$BODY" '县委、县政府：' "…and what changed"
DID=$(sql "SELECT min(id) FROM audit WHERE kind='@dept'")
get "/audit/$DID"
expect_contains "$BODY" '<th>对象</th><td>部门</td>' "a guarded table's entry names it in Chinese (not @dept)"
get /audit/99999999
expect_status 404 "no such entry"

# The export: the same query, every row, Chinese headers.
get /audit.xlsx -G --data-urlencode kind=reconsideration
expect_status 200 "the export"
expect_header "filename\\*=UTF-8''$(jq -rn --arg s 操作审计日志 '$s|@uri')\\.xlsx" "named 操作审计日志.xlsx"
cp "$BODY" "$T/audit.xlsx"
unzip -p "$T/audit.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/audit.strings" 2>/dev/null
expect_contains "$T/audit.strings" '操作人' "headers in Chinese"
expect_eq "$(grep -o '<row ' "$T/audit.strings" | wc -l | tr -d ' ')" "$((NK + 1))" "one row per entry of the query, and the header"
get /audit.xlsx -G --data-urlencode to=2026-13-01
expect_status 422 "a bad filter exports nothing"

# Not for clerks or leaders.
for U in fuyi leader; do
  login $U
  get /audit;            expect_status 403 "$U: the log"
  get "/audit/$SID";     expect_status 403 "$U: an entry"
  get /audit.xlsx;       expect_status 403 "$U: the export"
done
stop_server
finish
