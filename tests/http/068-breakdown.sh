#!/bin/sh
# tests/http/068-breakdown.sh
# 分部门（单位）情况: each declared breakdown splits an indicator by
# department or by a field (复议纠错率 by 被申请人); its groups add up to
# the county's figure, come worst first, and each group's counts list
# exactly its records; a clerk sees only her department; the report's
# section 三 names the groups that lag, linked to their records.
# FAZHI_TODAY=2026-06-30, year 2025.
. "$(dirname "$0")/lib.sh"
start_server
api_login admin

api_get "/api/v1/breakdowns?year=2025"
expect_status 200 "breakdowns"
cp "$BODY" "$T/bd.json"
expect_json '[.breakdowns[] | "\(.kind).\(.indicator).\(.by)"] | index("reconsideration.correction_rate.respondent") != null' "复议纠错率 by 被申请人"
expect_json '[.breakdowns[] | "\(.kind).\(.indicator).\(.by)"] | index("litigation.loss_rate.defendant") != null' "应诉败诉率 by 被告"
expect_json '[.breakdowns[] | "\(.kind).\(.indicator).\(.by)"] | index("enforcement_case.record_rate.dept_id") != null' "全过程记录率 by department"
# Every breakdown's groups add up to the county's figure.
bad=$(jq -r '.breakdowns[] | select(.county.numerator != ([.rows[].numerator]|add // 0) or ((.county.denominator // 0) != ([.rows[].denominator // 0]|add // 0))) | "\(.kind).\(.indicator).\(.by)"' "$T/bd.json")
expect_eq "$bad" "" "every breakdown adds up to the county"
check "the demo has groups in every breakdown" [ "$(jq '[.breakdowns[] | select(.rows|length==0)] | length' "$T/bd.json")" = 0 ]
# Worst first: 纠错率 (higher is worse) descending, 按期办结率 ascending.
expect_eq "$(jq '[.breakdowns[] | select(.kind=="reconsideration") | .rows[] | .numerator/.denominator] | . == (sort | reverse)' "$T/bd.json")" true "纠错率: highest first"
expect_eq "$(jq '[.breakdowns[] | select(.kind=="enforcement_case" and .indicator=="ontime_rate") | .rows[] | select(.denominator>0) | .numerator/.denominator] | . == sort' "$T/bd.json")" true "按期办结率: lowest first"

# A group's counts list exactly its records.
G=$(jq -r '.breakdowns[] | select(.kind=="reconsideration") | .rows[0].group' "$T/bd.json")
GN=$(jq -r '.breakdowns[] | select(.kind=="reconsideration") | .rows[0].numerator' "$T/bd.json")
GD=$(jq -r '.breakdowns[] | select(.kind=="reconsideration") | .rows[0].denominator' "$T/bd.json")
expect_eq "$GN/$GD" "$(sql "SELECT sum(CASE WHEN outcome IN ('revoke','change','illegal','invalid','perform') THEN 1 ELSE 0 END)||'/'||count(*) FROM reconsideration WHERE respondent='$G' AND state='closed' AND received BETWEEN '2025-01-01' AND '2025-12-31'")" "the worst respondent's counts, from the database"
api_get "/api/v1/k/reconsideration?year=2025&ind=correction_rate&part=num&size=200" -G --data-urlencode "f_respondent=$G"
expect_json ".total == $GN" "its 纠错 cases listed"
api_get "/api/v1/k/reconsideration?year=2025&ind=correction_rate&part=den&size=200" -G --data-urlencode "f_respondent=$G"
expect_json ".total == $GD and ([.rows[].fields.respondent] | unique) == [\"$G\"]" "its closed cases listed, all of it"
D=$(jq -r '.breakdowns[] | select(.kind=="enforcement_case" and .indicator=="record_rate") | .rows[0] | "\(.param_value) \(.numerator) \(.denominator)"' "$T/bd.json")
set -- $D
api_get "/api/v1/k/enforcement_case?year=2025&ind=record_rate&part=den&size=1&dept_only=$1"
expect_json ".total == $3" "a department's cases listed by dept_only="
# The county itself holds records too: its group is its own, not its subtree.
R0=$(jq -r '.breakdowns[] | select(.kind=="disclosure_request") | .rows[] | select(.group=="示范县") | "\(.param) \(.param_value) \(.denominator)"' "$T/bd.json")
set -- $R0
expect_eq "$1" dept_only "a department group links with dept_only"
api_get "/api/v1/k/disclosure_request?year=2025&ind=ontime_rate&part=den&size=1&dept_only=$2"
expect_json ".total == $3" "the county's own requests, not the whole county's"
# A text group links by exact value: the worst respondent's link lists its cases only.
PV=$(jq -r '.breakdowns[] | select(.kind=="reconsideration") | .rows[0].param_value' "$T/bd.json")
expect_eq "$PV" "=$G" "a field group's value is exact"
api_get "/api/v1/k/reconsideration?year=2025&ind=correction_rate&part=den&size=200" -G --data-urlencode "f_respondent=$PV"
expect_json ".total == $GD" "the exact filter lists the group's cases"
api_get "/api/v1/k/reconsideration?year=2025&size=1" -G --data-urlencode "f_respondent=示范县"
N_LIKE=$(json .total)
api_get "/api/v1/k/reconsideration?year=2025&size=1" -G --data-urlencode "f_respondent==示范县"
check "“=示范县” matches exactly, “示范县” any name containing it ($(json .total) < $N_LIKE)" [ "$(json .total)" -lt "$N_LIKE" ]

# A clerk sees her department only.
api_login shichang
api_get "/api/v1/breakdowns?year=2025&kind=enforcement_case"
expect_status 200 "the clerk's breakdowns"
expect_json '[.breakdowns[].kind] | unique == ["enforcement_case"]' "?kind= keeps one kind"
expect_json '[.breakdowns[] | select(.by=="dept_id") | .rows[].group] | unique == ["示范县市场监督管理局"]' "only her department"
api_get "/api/v1/breakdowns?kind=nosuch"
expect_status 404 "an unknown kind"
TOKEN=
api GET "/api/v1/breakdowns"
expect_status 401 "anonymous"

# The page, linked from the dashboard.
login admin
get "/?year=2025"
expect_contains "$BODY" 'href="/breakdown?year=2025"' "the dashboard links the page"
get "/breakdown?year=2025"
expect_status 200 "the page"
expect_contains "$BODY" 'data-breakdown="reconsideration.correction_rate"'
expect_contains "$BODY" "<td>$G</td>" "the worst respondent is listed"
expect_contains "$BODY" '&amp;f_respondent=' "its counts link to its records"
expect_contains "$BODY" '<tr class="lag">' "the laggard is marked"
expect_contains "$BODY" '<svg class="chart"' "each breakdown drawn as bars"
expect_contains "$BODY" "<text x=\"204\" y=\"17\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">$G</text>" "the worst group on the first bar"

# Section 三 names the laggards, each linked to its own records.
get "/report.md?year=2025"
expect_contains "$BODY" '从分部门（单位）情况看：一是' "section 三 by department"
expect_contains "$BODY" "被申请人为$G的行政复议纠错率为" "the respondent corrected most often"
get "/report?year=2025"
expect_contains "$BODY" "ind=correction_rate&amp;part=num&amp;f_respondent=" "the report links the group's records"

# Coverage: distinct counts, and a denominator over another kind.
api_login admin
api_get "/api/v1/indicators?year=2025"
cp "$BODY" "$T/ind.json"
iv(){ jq -r ".indicators[] | select(.kind==\"$1\" and .name==\"$2\") | \"\(.numerator)/\(.denominator)\"" "$T/ind.json"; }
expect_eq "$(iv inspection coverage_rate)" \
  "$(sql "SELECT count(DISTINCT enterprise_id) FROM inspection WHERE way='random' AND assigned BETWEEN '2025-01-01' AND '2025-12-31'")/$(sql "SELECT count(*) FROM enterprise WHERE state='active'")" \
  "双随机抽查覆盖率 = enterprises drawn (once each) / the 名录库"
expect_eq "$(iv file_review coverage_rate)" \
  "$(sql "SELECT count(DISTINCT unit) FROM file_review WHERE state='done' AND reviewed BETWEEN '2025-01-01' AND '2025-12-31'")/$(sql "SELECT count(DISTINCT dept_id) FROM enforcement_case WHERE filed BETWEEN '2025-01-01' AND '2025-12-31'")" \
  "评查覆盖率 = units reviewed / units with cases"
expect_eq "$(iv legal_counsel coverage_rate)" \
  "$(sql "SELECT count(DISTINCT dept_id) FROM legal_counsel WHERE engaged BETWEEN '2025-01-01' AND '2025-12-31'")/$(sql "SELECT count(*) FROM dept WHERE dtype IN ('county','bureau','town')")" \
  "法律顾问覆盖率 = units with counsel / the county's government, departments and towns"
# a village's counsel is not one of the units counted: the rate stays within them
COV0=$(iv legal_counsel coverage_rate)
VIL=$(sql "SELECT name FROM dept WHERE dtype='village' ORDER BY id LIMIT 1")
api POST /api/v1/k/legal_counsel "{\"dept_id\":\"$VIL\",\"engagement_no\":\"GW-VIL-1\",\"counsel\":\"村法律顾问\",\"ctype\":\"法律顾问（律师事务所）\",\"engaged\":\"2025-03-01\"}"
expect_status 201 "a village's counsel"
api_get "/api/v1/indicators?year=2025"
cp "$BODY" "$T/ind.json"
expect_eq "$(iv legal_counsel coverage_rate)" "$COV0" "a village's counsel does not raise the units' coverage"
api_get "/api/v1/k/enterprise?year=2025&ind=inspection.coverage_rate&part=den&size=1"
expect_json ".total == $(sql "SELECT count(*) FROM enterprise WHERE state='active'")" "the 名录库 side lists the enterprises it counts"
api_get "/api/v1/k/enterprise?ind=inspection.nosuch&part=den&size=1"
expect_json ".total == $(sql "SELECT count(*) FROM enterprise")" "an unknown indicator filters nothing"
api_get "/api/v1/k/service_item?ind=inspection.coverage_rate&part=den&size=1"
expect_json ".total == $(sql "SELECT count(*) FROM service_item")" "a side over another kind does not filter this one"
login admin
get "/?year=2025"
expect_contains "$BODY" 'href="/k/enterprise?year=2025&amp;ind=inspection.coverage_rate&amp;part=den"' "the dashboard links the 名录库 side"
get "/k/enterprise?year=2025&ind=inspection.coverage_rate&part=den"
expect_contains "$BODY" '正在查看指标「双随机抽查覆盖率」的分母记录' "the trace names the indicator"
get "/report.md?year=2025"
expect_contains "$BODY" "双随机抽查覆盖市场主体$(sql "SELECT count(DISTINCT enterprise_id) FROM inspection WHERE way='random' AND assigned BETWEEN '2025-01-01' AND '2025-12-31'")户" "the report states the coverage"
get "/report?year=2025"
expect_contains "$BODY" 'href="/k/enterprise?year=2025&amp;ind=inspection.coverage_rate&amp;part=den"' "the report links the 名录库 side"
expect_contains "$BODY" "法律顾问覆盖率" "the report states the counsel coverage"
expect_not_contains "$BODY" "ind=legal_counsel.coverage_rate&amp;part=den" "a count of departments links to no records"

# The figures workbook: three sheets, every indicator, from the dashboard.
get "/?year=2025"
expect_contains "$BODY" 'href="/report.xlsx?year=2025"' "the dashboard offers the workbook"
get "/report.xlsx?year=2025"
expect_status 200 "the workbook"
cp "$BODY" "$T/f.xlsx"
expect_header 'Content-Type' 'spreadsheetml' "an xlsx"
unzip -p "$T/f.xlsx" xl/workbook.xml >"$T/wb.xml" 2>/dev/null
expect_contains "$T/wb.xml" 'name="指标"' "sheet 指标"
expect_contains "$T/wb.xml" 'name="指标口径"' "sheet 指标口径"
expect_contains "$T/wb.xml" 'name="分部门情况"' "sheet 分部门情况"
unzip -p "$T/f.xlsx" xl/sharedStrings.xml >"$T/ss.xml" 2>/dev/null
expect_contains "$T/ss.xml" '双随机抽查覆盖率' "an indicator's row"
expect_contains "$T/ss.xml" '不同的检查对象数' "its definition in words"
expect_contains "$T/ss.xml" '【市场主体名录库】记录数，条件：状态为存续' "a side over another kind, in words"
anon
get "/report.xlsx?year=2025"
expect_status 303 "the workbook needs a login"
login admin

# Registers in force at the year's end.
sup(){ api_get "/api/v1/indicators?year=$1"; jq -r '.indicators[] | select(.kind=="monitor" and .name=="supervisors") | .numerator' "$BODY"; }
S25=$(sup 2025); S26=$(sup 2026)
expect_eq "$S25" "$(sql "SELECT count(*) FROM monitor WHERE mtype='supervisor' AND appointed<='2025-12-31' AND (ended IS NULL OR ended>'2025-12-31')")" "2025: supervisors in force on 31 December"
api POST /api/v1/k/monitor '{"monitor_no":"JDY-IF-1","mtype":"特邀行政执法监督员","name":"任某","appointed":"2024-05-06"}'
expect_status 201 "a supervisor appointed in 2024"
MID=$(json .id)
api POST "/api/v1/k/monitor/$MID/do/end"
expect_status 200 "dismissed today (2026-06-30)"
expect_eq "$(sup 2025)" "$((S25+1))" "still counted in 2025, when in force"
expect_eq "$(sup 2026)" "$S26" "not counted in 2026: dismissed before today"
api_get "/api/v1/k/monitor?year=2025&ind=supervisors&part=num&size=1"
expect_json ".total == $((S25+1))" "the 2025 list is the register as it stood"
api_get "/api/v1/k/monitor?size=1"
expect_json ".total == $(sql "SELECT count(*) FROM monitor")" "without a year, the whole register"

# 年审人数: officers whose 最近年审年度 is the year counted.
sql "UPDATE officer SET reviewed_year=2026 WHERE id IN (SELECT id FROM officer ORDER BY id LIMIT 3)"
rv(){ api_get "/api/v1/indicators?year=$1"; jq -r '.indicators[] | select(.kind=="officer" and .name=="reviewed") | .numerator' "$BODY"; }
expect_eq "$(rv 2026)" "$(sql "SELECT count(*) FROM officer WHERE reviewed_year=2026")" "年审 2026"
expect_eq "$(rv 2025)" "$(sql "SELECT count(*) FROM officer WHERE reviewed_year=2025")" "年审 2025"
api_get "/api/v1/k/officer?year=2026&ind=reviewed&part=num&size=1"
expect_json ".total == $(sql "SELECT count(*) FROM officer WHERE reviewed_year=2026")" "the 2026 trace lists those reviewed in 2026"

# 附图: the HTML report draws each breakdown section 三 names; Markdown and Word do not.
login admin
get "/report?year=2025&version=data"
expect_contains "$BODY" '<h2 class="figs">附图</h2>' "the HTML report has 附图"
expect_contains "$BODY" '<figcaption>图1　'
expect_contains "$BODY" '行政复议纠错率（按被申请人，较弱的在上）' "the 复议 breakdown section 三 names is drawn"
check "each figure is an SVG chart" [ "$(grep -o '<figure class="chart">' "$BODY" | wc -l)" = "$(grep -o '<svg class="chart"' "$BODY" | wc -l)" ]
get "/report.md?year=2025&version=data"
expect_not_contains "$BODY" "附图"
# 近年变化: 2026 runs until 06-30, so each year counts 1 January to 30 June.
get "/trend?kind=inspection&ind=inspections&year=2026"
expect_status 200 "近年变化 of 入企检查"
expect_contains "$BODY" '涉企现场检查（2025—2026年，各年1月1日至6月30日）'
I26=$(sql "SELECT count(*) FROM inspection WHERE state='done' AND assigned BETWEEN '2026-01-01' AND '2026-06-30'")
I25=$(sql "SELECT count(*) FROM inspection WHERE state='done' AND assigned BETWEEN '2025-01-01' AND '2025-06-30'")
expect_contains "$BODY" ">${I26}次</a>" "2026 so far: $I26 (次, as the report counts inspections)"
expect_contains "$BODY" ">${I25}次</a>" "2025 to the same day: $I25"
L25=$(grep -o 'href="/k/inspection?year=2025[^"]*"' "$BODY" | head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
api_get "/api/v1$L25&size=1"
expect_json ".total == $I25" "…and its link lists those $I25, 1 January to 30 June 2025"
SJ=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
get "/trend?kind=inspection&ind=inspections&year=2026&dept=$SJ"
expect_contains "$BODY" "近年变化：涉企检查记录涉企现场检查（示范县市场监督管理局）" "a department's 近年变化, from its dashboard"
J26=$(sql "SELECT count(*) FROM inspection WHERE state='done' AND dept_id=$SJ AND assigned BETWEEN '2026-01-01' AND '2026-06-30'")
expect_contains "$BODY" ">${J26}次</a>" "its own figure: $J26"
get "/?year=2026&dept=$SJ"
expect_contains "$BODY" "href=\"/trend?kind=inspection&amp;ind=inspections&amp;year=2026&amp;dept=$SJ\"" "the card keeps the department"
get "/trend?kind=inspection&ind=nosuch"
expect_status 404 "an indicator that does not exist"
get "/?year=2026"
expect_contains "$BODY" 'href="/trend?kind=inspection&amp;ind=inspections&amp;year=2026"' "each card links to its 近年变化"
finish
