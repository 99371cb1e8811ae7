#!/bin/sh
# tests/http/075-report-drafts.sh
# The clerk finishes the report in the browser (issue #5 items 2 and 3):
# a version drafted from the data reads exactly as the report from the
# data; she rewords, reorders, splits and adds paragraphs through the
# editor's form, and the figures in them stay live; a token she mistypes
# is refused with the paragraph named, and nothing is saved; the points
# the data proposes for chapter 三 must each be accepted, edited or dropped,
# and the prompts filled, before she can freeze; a frozen version never
# changes (new records, edits) and an edit makes a new version, compared
# side by side; Word, Markdown and the command line give the same version;
# read-only users and other departments cannot touch it; last year's
# published report serves as the baseline of year on year; every step is in
# the audit log and `fazhi check` passes. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

# 1. A version drafted from the data reads as the report from the data.
# (the report as one document, /report.html: the page /report carries the version in its download links)
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "draft a version from the data"
V1=$(jq -r .id "$BODY")
expect_json '.no == 1 and .based_on == 0 and .frozen_at == null' "第1版, from the data, live"
expect_json '[.paragraphs[] | select(.type=="point" and .state=="proposed")] | length > 3' "the data proposes points for chapter 三"
expect_json '.paragraphs[0].text == "{party} {gov}{br}关于2025年法治政府建设情况的报告"' "the title holds the setting tokens"
expect_json 'any(.paragraphs[]; .text | contains("{reconsideration.received}"))' "figures are tokens"
get "/report.html?year=2025&version=data"; cp "$BODY" "$T/data.html"
get "/report.html?year=2025&version=$V1"; cp "$BODY" "$T/v1.html"
check "the drafted version reads exactly as the report from the data" cmp -s "$T/data.html" "$T/v1.html"
get "/report.html?year=2025"
check "without ?version the report is the latest version" cmp -s "$BODY" "$T/v1.html"
get "/report.md?year=2025&version=data"; cp "$BODY" "$T/data.md"
get "/report.md?year=2025&version=$V1"
check "the same in Markdown" cmp -s "$BODY" "$T/data.md"

anon
get "/public/report?year=2025"
expect_status 404 "nothing published before a version is frozen"
expect_contains "$BODY" "2025年度法治政府建设情况报告尚未发布"
login admin

# 2. The editor's form: reword, reorder, split, add; figures stay live.
api_get "/api/v1/report/v/$V1"
cp "$BODY" "$T/v1.json"
N=$(jq '.paragraphs | length' "$T/v1.json")
OPENING=$(jq '[.paragraphs[] | .type] | index("h1")' "$T/v1.json")    # the paragraph before 一、 is the opening
# form_of JSON JQ-EDIT: the editor's fields for the version in JSON after the edit
form_of(){
  jq -r "$2"' | .paragraphs | to_entries
    | map("t_\(.key)=\(.value.type|@uri)&x_\(.key)=\(.value.text|@uri)&o_\(.key)=\(.value.o // (.key+1))&s_\(.key)=\(.value.state|@uri)&k_\(.key)=\(.value.key|@uri)"
          + (if .value.del then "&del_\(.key)=1" else "" end))
    | join("&")' "$1"
}
OP=$((OPENING-1))
FORM=$(form_of "$T/v1.json" ".paragraphs[$OP].text = \"开头由起草人改写。\\n本段由回车分出，本年收到复议申请{reconsideration.received}件。\"")
FORM="$FORM&n=$N&nn=3&nt_0=p&nx_0=$(printf '新增于开头之前的一段。' | jq -sRr @uri)&no_0=2.5&nt_1=p&nx_1=&no_1=&nt_2=p&nx_2=&no_2="
req POST "/report/v/$V1" --data "_csrf=$CSRF&$FORM"
expect_status 303 "the editor saves"
expect_contains "$HDRS" "msg=saved"
api_get "/api/v1/indicators?year=2025"
RECV=$(jq -r '.indicators[] | select(.kind=="reconsideration" and .name=="received") | .value' "$BODY")
api_get "/api/v1/report/v/$V1"
expect_json ".paragraphs | length == $((N+2))" "one paragraph split in two, one added"
expect_json ".paragraphs[2].text == \"新增于开头之前的一段。\"" "a new paragraph numbered 2.5 sits between 2 and 3"
expect_json ".paragraphs[3].text == \"开头由起草人改写。\" and (.paragraphs[4].text | startswith(\"本段由回车分出\"))" "a newline starts a paragraph"
expect_json ".paragraphs[4].html | contains(\">$RECV</a>件\")" "the figure in the clerk's sentence is computed ($RECV) and linked"
get "/report/v/$V1"
expect_status 200 "the editor page"
expect_contains "$BODY" "本段由回车分出，本年收到复议申请"
api POST /api/v1/k/reconsideration "{\"dept_id\":\"示范县司法局\",\"case_no\":\"测试复〔2025〕999号\",\"applicant\":\"测试申请人\",\"respondent\":\"示范县人民政府\",\"matter\":\"penalty\",\"procedure\":\"ordinary\",\"received\":\"2025-12-01\"}"
expect_status 201 "a new application of 2025"
api_get "/api/v1/report/v/$V1"
expect_json ".paragraphs[4].html | contains(\">$((RECV+1))</a>件\")" "live: the new application counts at once"

# 3. A mistyped token is refused with the paragraph named; nothing is saved.
BEFORE=$(sql "SELECT tpl FROM report_para WHERE version_id=$V1 AND pos=4")
api PUT "/api/v1/report/v/$V1" "$(jq -c '{paragraphs: (.paragraphs | .[3].text = "复议{reconsideration.recieved}件" | map({type, text, key, state}))}' "$BODY")"
expect_status 422 "a token that names no indicator"
expect_json '.errors | any(.message | contains("第4段") and contains("{reconsideration.recieved}") and contains("没有这个指标"))'
api PUT "/api/v1/report/v/$V1" '{"paragraphs":[{"type":"p","text":"括号{没配对"}]}'
expect_status 422 "an unmatched brace"
expect_json '.errors | any(.message | contains("第1段") and contains("大括号没有配对"))'
expect_eq "$(sql "SELECT tpl FROM report_para WHERE version_id=$V1 AND pos=4")" "$BEFORE" "nothing was saved"

# 4. Freezing waits for every proposed point and every prompt.
api_get "/api/v1/report/v/$V1"
PROMPT_ROW=$(jq '[.paragraphs[] | .text | startswith("{?")] | index(true) + 1' "$BODY")
api POST "/api/v1/report/v/$V1/freeze"
expect_status 422 "freeze refused"
expect_json '.errors | any(.message | contains("系统提出的不足未处理"))' "while points are only proposed"
expect_json ".errors | any(.message | contains(\"第${PROMPT_ROW}段还有待填写的提示\"))" "while prompts are left, named by the editor's row ($PROMPT_ROW)"
api PUT "/api/v1/report/v/$V1" '{"paragraphs":[{"type":"p","text":"第一行\n第二行"}]}'
expect_status 422 "a newline inside a paragraph sent to the API"
expect_json '.errors | any(.message | contains("第1段：含有换行"))'
api POST /api/v1/report/drafts '{"year":"abc"}'
expect_status 422 "a year that is no year"
expect_json '.errors | any(.message | contains("年度"))'
FORM=$(form_of "$T/v1.json" ".paragraphs[1].o = \"五\" | .paragraphs[$OP].text = \"这段新写的文字不能丢。\"")
req POST "/report/v/$V1" --data "_csrf=$CSRF&$FORM&n=$N&nn=0"
expect_status 422 "a place that is no number"
expect_contains "$BODY" "第2段的序号“五”不是数字"
expect_contains "$BODY" "这段新写的文字不能丢。" "what she typed comes back with the error"
api_get "/api/v1/report/v/$V1"
# accept the first point as proposed, reword the second (accepted by
# rewording it), drop the rest; fill the prompts
jq -c '{paragraphs: (reduce .paragraphs[] as $p ({n: 0, out: []};
    if $p.type == "point" then
      .n += 1 | .out += [ if .n == 1 then ($p | .state = "")
                          elif .n == 2 then ($p | .text = ("（经核实）" + $p.text))
                          else ($p | .state = "dropped") end ]
    elif ($p.text | startswith("{?")) then .out += [$p | .text = "县委、县政府主要负责同志认真履行推进法治建设第一责任人职责。"]
    else .out += [$p] end) | .out | map({type, text, key, state}))}' "$BODY" >"$T/put.json"
api PUT "/api/v1/report/v/$V1" "$(cat "$T/put.json")"
expect_status 200 "points decided, prompts filled"
expect_json '[.paragraphs[] | select(.type=="point" and .state=="")] | length == 2' "two points kept (one reworded)"
expect_json '.new_proposals | length == 0' "a dropped point is not proposed again"
get "/report.md?year=2025&version=$V1"
cp "$BODY" "$T/live.md"
expect_contains "$T/live.md" "仍存在以下不足：一是"
expect_contains "$T/live.md" "；二是（经核实）"
expect_not_contains "$T/live.md" "三是"
expect_not_contains "$T/live.md" "此部分由起草人"
api POST "/api/v1/report/v/$V1/freeze"
expect_status 200 "freeze"
expect_json '.frozen_at != null and .frozen_by == "admin"'
FROZEN_AT=$(sql "SELECT frozen_at FROM report_version WHERE id=$V1")

# The public copy for the government web site: the frozen version, anyone
# may read it; its figures are numbers, without links.
anon
get "/public/report?year=2025"
expect_status 200 "the published report, anonymously"
expect_contains "$BODY" "县委、县政府主要负责同志认真履行推进法治建设第一责任人职责。"
expect_contains "$BODY" "共收到行政复议申请$((RECV+1))件" "figures as plain numbers"
expect_not_contains "$BODY" 'href="/k/' "no figure links to records (an anonymous list is not the figure's records)"
expect_not_contains "$BODY" '（按部门（单位），较弱的在上）' "no departments set side by side in the public copy"
login admin

# 5. A frozen version never changes.
get "/report.html?year=2025&version=$V1"; cp "$BODY" "$T/frozen.html"
get "/report.md?year=2025&version=$V1"; cp "$BODY" "$T/frozen.md"
api POST /api/v1/k/reconsideration "{\"dept_id\":\"示范县司法局\",\"case_no\":\"测试复〔2025〕998号\",\"applicant\":\"测试申请人乙\",\"respondent\":\"示范县人民政府\",\"matter\":\"penalty\",\"procedure\":\"ordinary\",\"received\":\"2025-12-02\"}"
expect_status 201 "another application after the freeze"
get "/report.html?year=2025&version=$V1"
check "the frozen report is byte for byte what it was" cmp -s "$BODY" "$T/frozen.html"
get "/report?year=2025&version=data"
expect_contains "$BODY" ">$((RECV+2))</a>件" "while the data moved on"
api PUT "/api/v1/report/v/$V1" "$(cat "$T/put.json")"
expect_status 409 "saving a frozen version"
expect_json '.errors | any(.message | contains("已于") and contains("冻结"))'
api POST "/api/v1/report/v/$V1/freeze"
expect_status 409 "freezing twice"
expect_eq "$(sql "SELECT frozen_at FROM report_version WHERE id=$V1")" "$FROZEN_AT" "the freeze moment stays"
"$FAZHI" report --db "$DB" --year 2025 --version 1 --format md -o "$T/cli.md" 2>"$T/cli.err"
check "fazhi report --version 1 is the frozen text" cmp -s "$T/cli.md" "$T/frozen.md"
"$FAZHI" report --db "$DB" --year 2025 --version 9 --format md -o "$T/cli9.md" 2>"$T/cli9.err"
expect_eq "$?" 2 "a version that does not exist"
expect_contains "$T/cli9.err" "2025年度报告没有第9版"
get "/report.docx?year=2025&version=$V1"
expect_status 200 "the frozen version as Word"
unzip -p "$BODY" word/document.xml >"$T/doc.xml" 2>/dev/null
expect_contains "$T/doc.xml" "县委、县政府主要负责同志认真履行推进法治建设第一责任人职责。" "Word holds the clerk's words"

# 6. An edit makes a new version; versions side by side.
get "/report/v/$V1"
expect_contains "$BODY" "在本版本基础上修改（生成新版本）"
post_form /report/drafts year=2025 "from=$V1"
expect_status 303 "a new version from the frozen one"
V2=$(sql "SELECT id FROM report_version WHERE based_on=1 AND no=2")
check "第2版 based on 第1版" [ -n "$V2" ]
api_get "/api/v1/report/v/$V2"
expect_json '.frozen_at == null and .no == 2 and .based_on == 1'
api PUT "/api/v1/report/v/$V2" "$(jq -c '{paragraphs: (.paragraphs | map(if (.text | startswith("开头由起草人改写")) then .text = "开头第二次改写。" else . end) | map({type, text, key, state}))}' "$BODY")"
expect_status 200 "第2版 edited"
get "/report/compare?a=$V1&b=$V2"
expect_status 200 "versions side by side"
expect_contains "$BODY" "第1版与第2版相比："
expect_contains "$BODY" "开头<del>由起草人</del>改写。" "the change within the paragraph marked"
expect_contains "$BODY" "开头<ins>第二次</ins>改写。"
get "/report/drafts?year=2025"
expect_status 200 "the versions page"
expect_contains "$BODY" "已冻结"
expect_contains "$BODY" "修改中，数字随数据更新"

# 7. Who may: the leader reads, cannot write; another department sees nothing of the county's.
login leader
get "/report/v/$V1"
expect_status 200 "the leader reads a version"
post_form /report/drafts year=2025
expect_status 403 "the leader cannot draft"
login shichang
get "/report/v/$V1"
expect_status 404 "a bureau clerk does not see the county's versions"
get "/report?year=2025&version=$V1"
expect_status 404 "nor its text"

# 8. Last year's published report as the baseline: the demo has no 2024
# records; 浚县's 2024 report (seeds/000) is read for its figures.
login admin
post_form /report/baseline year=2025 text=
expect_status 422 "nothing pasted"
expect_contains "$BODY" "没有收到报告全文"
SEED=$(dirname "$0")/../seed/reports/000.txt
post_form /report/baseline year=2025 "text@$SEED"
expect_status 200 "the 2024 report imported as the baseline"
expect_contains "$BODY" "导入2024年度报告，对应上"
expect_contains "$BODY" "<td>收到复议申请</td><td>270</td><td>2024年,共办理行政复议案件270件,已办结214件,法定期限结案率100%</td>" \
  "a figure with the sentence it came from"
expect_contains "$BODY" "该报告中以下数字相互对不上" "the report's own contradictions are flagged"
expect_not_contains "$BODY" "<td>已办结</td><td>214</td>" "a short name is not taken from a sentence about something else"
expect_eq "$(sql "SELECT value FROM baseline_fig WHERE year=2024 AND kind='litigation' AND ind='cases'")" 80 "行政案件80起 is 行政应诉案件"
# people are no count of things: 组建26支县级抢险救援队伍979人 gives 979 队员, not 979 支
expect_eq "$(sql "SELECT value FROM baseline_fig WHERE year=2024 AND kind='rescue_team' AND ind='county_members'")" 979 "979人 is the county teams' members"
expect_eq "$(sql "SELECT count(*) FROM baseline_fig WHERE year=2024 AND kind='rescue_team' AND ind='county_teams' AND value='979'")" 0 "…and not a number of teams"
get "/report.md?year=2025&version=data"
expect_contains "$BODY" "（上年为270，据上年度报告）" "year on year against the baseline"
get "/report.xlsx?year=2025"
unzip -p "$BODY" xl/sharedStrings.xml >"$T/ss.xml" 2>/dev/null
expect_contains "$T/ss.xml" "270（据上年度报告）" "the figures workbook's 上年数值 from the baseline"
get "/trend?kind=reconsideration&ind=received&year=2025"
expect_contains "$BODY" "270*（据该年度报告）" "近年变化 shows the baseline year, marked, without a link"
# numbers no report holds, or that cannot be read whole, are no baseline (and crash nothing)
printf '2024年，全县共受理矛盾纠纷48850000000000000000件，排查矛盾纠纷1.6万件，调解矛盾纠纷4,885件。\n' >"$T/odd.txt"
post_form /report/baseline year=2025 "text@$T/odd.txt"
expect_status 200 "a report with odd numbers imported"
expect_eq "$(sql "SELECT count(*) FROM baseline_fig WHERE year=2024")" 0 "none of them taken as a figure"
get "/report?year=2025&version=data"
expect_status 200 "the report still drafts"
api PUT "/api/v1/report/v/$V2" "$(jq -cn '{paragraphs: [{type:"p", text:"制表符\t粘贴自Word"}]}')"
expect_status 200 "a tab pasted from Word is kept as a space"
expect_eq "$(sql "SELECT tpl FROM report_para WHERE version_id=$V2")" "制表符 粘贴自Word"
"$FAZHI" baseline --db "$DB" --year 2024 "$SEED" >"$T/base.out" 2>&1
expect_eq "$?" 0 "fazhi baseline on the command line"
expect_contains "$T/base.out" "行政复议·收到复议申请  270"
expect_eq "$(sql "SELECT count(*) FROM baseline_report WHERE year=2024")" 1 "importing again replaces the year's baseline"
post_form /report/baseline/drop year=2025 kind=reconsideration ind=received
expect_status 303 "a wrong match taken out by the clerk"
expect_eq "$(sql "SELECT count(*) FROM baseline_fig WHERE year=2024 AND kind='reconsideration' AND ind='received'")" 0
get "/report.md?year=2025&version=data"
expect_not_contains "$BODY" "（上年为270，据上年度报告）" "…and year on year no longer uses it"
post_form /report/baseline/drop year=2025 kind=reconsideration ind=received
expect_status 404 "taking it out twice"

# 9. Every step is in the audit log; the chain holds.
expect_eq "$(sql "SELECT count(*) FROM audit WHERE kind='@report_version' AND rec_id=$V1 AND action IN ('report_new','report_save','report_freeze')")" 4 \
  "第1版: drafted, saved twice (the form, the points), frozen; the refused saves left nothing"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
finish
