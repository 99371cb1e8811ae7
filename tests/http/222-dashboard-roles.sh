#!/bin/sh
# tests/http/222-dashboard-roles.sh
# Issue 17 §2: a 工作台 for each role. The summary comes first (four tiles:
# 未达到目标, 较上年下降, 已逾期, the report's state), then a section per
# kind that folds (<details>).
#   - A department clerk (zhengwu, 政务服务和大数据管理局) sees the kinds the
#     department records: every section is a kind with a record filed in
#     the department, the county's own kind (defined here, no record yet),
#     or a kind whose indicator names the department's type (法律顾问覆盖率
#     counts every bureau); no section of a kind the department has no
#     record of (行政复议). ?all=1 shows every kind.
#   - The leader sees every section folded, and the summary lists exactly
#     the indicators the API says are below target (the demo has some).
#   - The admin sees every section open.
#   - The overdue count is the sum of the sections' and counts what the
#     lists show overdue (办件, one period per record: its rows marked
#     overdue in /k/service_case?due=1).
#   - The report's state: none yet, then 第1版 草稿 after a draft is made;
#     a past year's dashboard shows that year's report.
# FAZHI_TODAY=2026-06-30 (lib.sh).
. "$(dirname "$0")/lib.sh"
start_server

# sections FILE: the data-kind of each section, one a line
sections(){ grep -o '<details class="dsec" id="k-[a-z_0-9]*" data-kind="[a-z_0-9]*"[^>]*>' "$1" | sed 's/.*data-kind="\([a-z_0-9]*\)".*/\1/'; }
# open FILE: how many sections start open
nopen(){ grep -o '<details class="dsec"[^>]*>' "$1" | grep -c ' open>'; }
# listed FILE ID: the indicators (kind.name) of the summary's list ID
listed(){ sed -n "s/.*<div class=\"sum-list\" id=\"$2\">\(.*\)/\1/p" "$1" | sed 's/<\/div>.*//' | grep -o 'href="#i-[a-z_0-9]*-[a-z_0-9]*"' | sed 's/href="#i-\([a-z_0-9]*\)-\([a-z_0-9]*\)"/\1.\2/' | sort; }
# tile FILE N: the text of the summary's Nth tile
tile(){ grep -o '<a class="tile[^"]*"[^>]*>.*' "$1" | sed 's/<\/a>/\n/g' | sed -n "${2}p" | sed 's/<[^>]*>//g'; }

# The county's own kind, defined before any record of it exists.
"$FAZHI" kind --db "$DB" add "$(dirname "$0")/data/kind-notary.json" >"$T/add.out" 2>&1
expect_eq "$?" 0 "fazhi kind add notary"

# 1. The admin: every kind, every section open.
login admin
get /
expect_status 200 "the admin's dashboard"
cp "$BODY" "$T/admin.html"
sections "$T/admin.html" >"$T/admin.kinds"
NALL=$(wc -l <"$T/admin.kinds" | tr -d ' ')
api_login admin
api GET /api/v1/schema
NKIND=$(jq '.kinds | length' "$BODY")
check "the admin sees every kind (36 built-in, the demo's examples and notary: $NALL of $NKIND)" test "$NALL" -eq "$NKIND"
expect_eq "$(nopen "$T/admin.html")" "$NALL" "the admin's sections start open"
check "the summary comes before the first section" awk '/class="summary"/{s=NR} /<details class="dsec"/{if(!d)d=NR} END{exit !(s && d && s<=d)}' "$T/admin.html"
expect_contains "$T/admin.html" '<span class="t-label">未达到目标</span>'
expect_contains "$T/admin.html" '<span class="t-label">较上年同期下降</span>' "a running year is set against last year's same period"
expect_contains "$T/admin.html" '<span class="t-label">已逾期</span>'
expect_contains "$T/admin.html" '<span class="t-label">2025年度法治政府建设报告</span><span class="t-value small">尚未起草</span>' "no report drafted yet"

# 2. A clerk of 政务服务和大数据管理局: the department's kinds only.
D=$(sql "SELECT id FROM dept WHERE name='示范县政务服务和大数据管理局'")
P=$(sql "SELECT path FROM dept WHERE id=$D")
login zhengwu
get /
expect_status 200 "zhengwu's dashboard"
cp "$BODY" "$T/zw.html"
sections "$T/zw.html" >"$T/zw.kinds"
NZW=$(wc -l <"$T/zw.kinds" | tr -d ' ')
check "zhengwu sees fewer kinds ($NZW) than the admin ($NALL)" test "$NZW" -gt 0 -a "$NZW" -lt "$NALL"
expect_eq "$(nopen "$T/zw.html")" "$NZW" "a clerk's sections start open"
check "no 行政复议 section for 政务服务" sh -c "! grep -qx reconsideration '$T/zw.kinds'"
check "the county's own kind (notary, no record yet) is there" grep -qx notary "$T/zw.kinds"
check "法律顾问 is there: its coverage counts every bureau" grep -qx legal_counsel "$T/zw.kinds"
NBAD=0
while read -r k; do
  n=$(sql "SELECT count(*) FROM $k WHERE dept_id IN (SELECT id FROM dept WHERE path LIKE '$P%')")
  if grep -qx "$k" "$T/zw.kinds"; then
    case $k in notary|legal_counsel) ;; *) [ "$n" -gt 0 ] || { NBAD=$((NBAD+1)); note "$k shown with no record of the department"; } ;; esac
  else
    [ "$n" -eq 0 ] || { NBAD=$((NBAD+1)); note "$k hidden although the department has $n records"; }
  fi
done <"$T/admin.kinds"
expect_eq "$NBAD" 0 "every section is a kind the department records, and every kind it records has a section"
expect_contains "$T/zw.html" "显示全部${NALL}类" "a link to every kind"
get "/?all=1"
sections "$BODY" >"$T/zw-all.kinds"
expect_eq "$(wc -l <"$T/zw-all.kinds" | tr -d ' ')" "$NALL" "?all=1: every kind"
expect_contains "$BODY" '只看本部门的事项'
# the clerk's summary speaks of the clerk's own kinds only
for id in below fell; do
  for k in $(listed "$T/zw.html" $id | cut -d. -f1 | sort -u); do
    check "zhengwu's $id entry $k is a section of the page" grep -qx "$k" "$T/zw.kinds"
  done
done

# 3. The leader: the summary, every section folded, below target as the API says.
login leader
get /
expect_status 200 "the leader's dashboard"
cp "$BODY" "$T/leader.html"
sections "$T/leader.html" >"$T/leader.kinds"
expect_eq "$(wc -l <"$T/leader.kinds" | tr -d ' ')" "$NALL" "the leader may open any kind"
expect_eq "$(nopen "$T/leader.html")" 0 "the leader's sections start folded"
api_login leader
api GET /api/v1/indicators
jq -r '.indicators[] | select(.below_target == true) | "\(.kind).\(.name)"' "$BODY" | sort >"$T/api.below"
check "the demo has indicators below target" test -s "$T/api.below"
listed "$T/leader.html" below >"$T/page.below"
check "the leader's summary lists exactly the indicators below target ($(wc -l <"$T/api.below" | tr -d ' '))" cmp -s "$T/api.below" "$T/page.below"
expect_contains "$T/leader.html" "<span class=\"t-label\">未达到目标</span><span class=\"t-value\">$(wc -l <"$T/api.below" | tr -d ' ')项</span>"
RC=$(jq -r '.indicators[] | select(.kind=="rectification" and .name=="close_rate") | .text' "$BODY")
expect_contains "$T/leader.html" "<a href=\"#i-rectification-close_rate\">问题整改台账 · 整改完成率</a> <b>$RC</b>（目标100%）" "an entry names its kind, indicator, value and target"
check "the entry's card is in the page" grep -q 'id="i-rectification-close_rate"' "$T/leader.html"

# 4. Overdue: the tile is the sum of the sections', 办件's is what its list marks.
TOTAL=$(tile "$T/leader.html" 3 | sed -n 's/已逾期\([0-9]*\)项/\1/p')
SUM=$(grep -o '<li><a href="/k/[a-z_]*?due=1">[^<]*</a> <b>[0-9]*项</b></li>' "$T/leader.html" | sed 's/.*<b>\([0-9]*\)项.*/\1/' | awk '{s+=$1} END{print s+0}')
check "overdue is counted (the demo has some: $TOTAL)" test "${TOTAL:-0}" -gt 0
expect_eq "$SUM" "$TOTAL" "the overdue tile is the sum of its kinds"
SC=$(grep -o '<li><a href="/k/service_case?due=1">办件</a> <b>[0-9]*项</b>' "$T/leader.html" | sed 's/.*<b>\([0-9]*\)项.*/\1/')
get "/k/service_case?due=1&size=200"
expect_eq "$(grep -o '<tr class="overdue">' "$BODY" | wc -l | tr -d ' ')" "${SC:-0}" "办件's overdue count is what its list marks overdue"

# 5. The report's state follows its versions.
login admin
post_form /report/drafts year=2025
expect_status 303 "a draft of 2025's report"
get /
expect_contains "$BODY" '<a class="tile" href="/report/drafts?year=2025"><span class="t-label">2025年度法治政府建设报告</span><span class="t-value small">第1版 草稿</span>' "第1版 草稿"
get "/?year=2024"
expect_contains "$BODY" '2024年度法治政府建设报告' "a past year's dashboard shows that year's report"
finish
