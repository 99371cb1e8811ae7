#!/bin/sh
# tests/http/219-todo.sh
# 待办 (issue 17 §1): every user's home. /todo and /api/v1/todo list the
# statutory periods overdue and due soon in the user's scope, across every
# kind, overdue and due soon apart, by due date; filters by kind,
# department, month and state agree between the page and the API; counts
# per kind add up; each row names its period and statutory basis and links
# to its record. The header's badge on every page equals the overdue total.
# Scope: a 司法局 clerk sees only 司法局's items; another county's never.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server

# 1. home: login lands on 待办, the menu's first item
login_attempt leader "$PW"
expect_eq "$(location)" "/todo" "login goes to 待办"
login leader
get /todo
expect_status 200
expect_contains "$BODY" '<h1>待办</h1>'
expect_contains "$BODY" '<nav class="menu" id="menu" aria-label="功能菜单"><a href="/todo" class="on">待办</a>' "待办 is the menu's first item, marked"
api_login leader
api GET "/api/v1/todo?size=200"
expect_status 200
OVER=$(json .overdue); SOON=$(json .due_soon); TOTAL=$(json .total)
check "the county has overdue ($OVER) and due-soon ($SOON) work" test "$OVER" -gt 0 -a "$SOON" -gt 0
expect_eq "$TOTAL" "$((OVER+SOON))" "total = overdue + due soon"
expect_eq "$(json '[.counts[].overdue] | add')" "$OVER" "counts per kind add up to the overdue total"
expect_eq "$(json '[.counts[].due_soon] | add')" "$SOON" "…and to the due-soon total"
expect_json '[.counts[] | select(.overdue+.due_soon>0)] | length >= 3' "several kinds have work"
expect_json '[.rows[].due] as $d | $d == ($d | sort)' "sorted by due date"
expect_json 'all(.rows[]; (.state=="overdue") == (.days_left < 0) and (.due < "2026-06-30") == (.state=="overdue"))' "overdue = due before today"
expect_json 'all(.rows[]; .basis != null and (.basis | length) > 4 and .deadline_label != null and (.url | startswith("/k/")))' "each row: its period, basis and link"
expect_json '[.rows[] | select(.kind=="major_decision")] | length == 0' "minimum periods never appear"

# 2. the badge on every page = the overdue total (one statement, the C list agrees)
for p in /todo / /k/reconsideration /admin/settings /report/drafts; do
  get "$p"
  B=$(sed -n 's/.*<span class="late-word">已逾期<\/span><b>\([0-9]*\)<\/b>.*/\1/p' "$BODY" | head -1)
  expect_eq "$B" "$OVER" "the badge on $p"
done
expect_contains "$BODY" 'href="/todo?state=overdue"' "the badge links to the overdue list"

# 3. filters: state, kind, department, month — the page and the API agree
get "/todo?state=overdue&size=200"
expect_eq "$(list_total)" "$OVER" "the page: 已逾期 共N条"
expect_not_contains "$BODY" '<tr class="due-soon"' "only overdue rows"
get "/todo?state=soon&size=200"
expect_eq "$(list_total)" "$SOON" "the page: 即将到期 共N条"
expect_not_contains "$BODY" '<tr class="overdue"' "only due-soon rows"
api GET "/api/v1/todo?state=overdue&size=200"
expect_json "all(.rows[]; .state==\"overdue\") and .total == $OVER" "API: state=overdue"
K=$(jq -r '[.counts[] | select(.overdue>0)][0].kind' "$BODY"); KN=$(jq -r "[.counts[] | select(.kind==\"$K\")][0].overdue" "$BODY")
api GET "/api/v1/todo?state=overdue&kind=$K&size=200"
expect_json "all(.rows[]; .kind==\"$K\") and .total == $KN" "API: kind=$K gives its count ($KN)"
get "/todo?state=overdue&kind=$K&size=200"
expect_eq "$(list_total)" "$KN" "the page: kind=$K"
api GET "/api/v1/todo?month=2026-06&size=200"
expect_json 'all(.rows[]; .due | startswith("2026-06"))' "month=2026-06: due in June"
M6=$(json .total)
get "/todo?month=2026-06&size=200"
expect_eq "$(list_total)" "$M6" "the page: month"
expect_contains "$BODY" 'value="2026-06"' "the month stays in the form"
D_SC=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
api GET "/api/v1/todo?dept=$D_SC&size=200"
expect_json "all(.rows[]; .dept_id == $D_SC) and .total > 0" "dept=市场监管局: its items only"
api GET "/api/v1/todo?month=2026-13"
expect_status 400 "a month that is none"
expect_json '.error.message | contains("2026-06")' "…named in Chinese with an example"
api GET "/api/v1/todo?kind=nosuch"
expect_status 404

# 4. scope: a 司法局 clerk sees 司法局's items only
D_SF=$(sql "SELECT dept_id FROM users WHERE login='fuyi'")
login fuyi
post_form /k/reconsideration/new case_no=示复〔2026〕待-1号 applicant=待某 respondent=示范县公安局 matter=other \
  received=2026-06-01 procedure=ordinary
expect_status 303 "an unaccepted case of 06-01 (审查 5 working days: 06-08)"
RID=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
api_login fuyi
api GET "/api/v1/todo?size=200"
expect_json "all(.rows[]; .dept_id == $D_SF)" "fuyi: 司法局's items only"
expect_json ".rows[] | select(.kind==\"reconsideration\" and .id==$RID and .deadline==\"acceptance\") | .state==\"overdue\" and .due==\"2026-06-08\" and .days_left==-15 and (.basis | contains(\"第三十条\"))" "the new case: 受理审查期限 overdue since 06-08, basis 复议法第三十条"
FOVER=$(json .overdue)
get /todo
B=$(sed -n 's/.*<span class="late-word">已逾期<\/span><b>\([0-9]*\)<\/b>.*/\1/p' "$BODY" | head -1)
expect_eq "$B" "$FOVER" "fuyi's badge = fuyi's overdue total"
expect_contains "$BODY" "<a href=\"/k/reconsideration/$RID\">示复〔2026〕待-1号</a>" "the row links to its record"
expect_contains "$BODY" '行政复议法》第三十条' "…and shows its basis"
api_as leader
api GET "/api/v1/todo?state=overdue&size=1"
expect_eq "$(json .overdue)" "$((OVER+1))" "the leader sees it too"

# 5. another county's items never
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "a second county"
YPW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
first_login yadmin "$YPW" Yadmin-Pass-2026x
api_login yadmin Yadmin-Pass-2026x
api GET "/api/v1/todo"
expect_json '.total == 0 and .overdue == 0' "乙县 sees none of 示范县's work"
YD=$(sql "SELECT id FROM dept WHERE name='乙县'")
api POST /api/v1/k/reconsideration "{\"case_no\":\"乙复〔2026〕1号\",\"applicant\":\"乙某\",\"respondent\":\"乙县公安局\",\"matter\":\"other\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\",\"dept_id\":$YD}"
expect_status 201 "乙县 enters an overdue case"
api GET "/api/v1/todo"
expect_json '.overdue == 1 and .rows[0].case_no == null and .rows[0].title == "乙复〔2026〕1号"' "乙县 sees its own"
get /todo
expect_contains "$BODY" '<span class="late-word">已逾期</span><b>1</b>' "乙县's badge: 1"
api_as leader
api GET "/api/v1/todo?size=200"
expect_eq "$(json .overdue)" "$((OVER+1))" "the leader of 示范县: not 乙县's"
expect_json 'all(.rows[]; .title != "乙复〔2026〕1号")'
api GET "/api/v1/todo?dept=$YD"
expect_json '.total == 0' "naming 乙县's department reveals nothing"
finish
