#!/bin/sh
# tests/http/201-minimum-periods.sh
# Minimum periods are not deadlines (重大行政决策程序暂行条例 第十五条、第二
# 十六条; issue 16 §2). A decision whose comments ran 43 days (2026-03-02 to
# 04-14; the least end is day 30, 04-01) is not marked late; its legality
# review of one working day (sent Mon 2026-05-11, opinion 05-12; the least
# end is the 7th working day, Wed 05-20) is 期限不足, shown with its article.
# The indicators counting them agree (the API, the numerator's list), a
# minimum is never "overdue" on a list, `fazhi schema --json` declares both
# as minimum rules, and a comment period may end after today (planned).
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

api GET "/api/v1/indicators?year=2026"
expect_status 200
N0=$(jq -r '.indicators[] | select(.kind=="major_decision" and .name=="review_short") | .numerator' "$BODY")
C0=$(jq -r '.indicators[] | select(.kind=="major_decision" and .name=="consult_short") | .numerator' "$BODY")
check "the indicators exist ($N0, $C0)" test -n "$N0" -a -n "$C0"

api POST /api/v1/k/major_decision '{"decision_no":"JC-MIN-1","title":"城区停车收费调整","area":"重大公共政策和措施","listed":"2026-02-02","consult_from":"2026-03-02","consult_to":"2026-04-14","review_sent":"2026-05-11","review_done":"2026-05-12","decided":"2026-05-20"}'
expect_status 201 "a decision entered"
ID=$(json .id)
api POST "/api/v1/k/major_decision/$ID/do/decide"
expect_status 200 "decided"
api GET "/api/v1/k/major_decision/$ID"
expect_json '.deadlines[] | select(.name=="consult") | .minimum and (.short | not) and .due == "2026-04-01" and (.late | not)' "43 days of comments: long enough, not late"
expect_json '.deadlines[] | select(.name=="review") | .minimum and .short and .due == "2026-05-20"' "one working day of review: short"
expect_json '[.deadlines[] | select(.active)] | length == 0' "a minimum never runs against anyone"
get "/k/major_decision/$ID"
expect_status 200
expect_contains "$BODY" '<td>公开征求意见期（一般不少于30日）</td><td>不早于2026-04-01</td><td>期限符合要求</td>' "the page: the comment period meets its minimum"
expect_contains "$BODY" '<tr class="overdue"><td>合法性审查时间（一般不少于7个工作日）</td><td>不早于2026-05-20</td><td>期限不足</td>' "the page: 期限不足"
expect_contains "$BODY" '《重大行政决策程序暂行条例》第二十六条：送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日' "…with its basis"
tr -d '\n' <"$BODY" | sed 's/.*<main class="content">//' >"$T/main"     # the header's badge names the county's 已逾期
expect_not_contains "$T/main" '逾期' "nothing is called late"

api GET "/api/v1/indicators?year=2026"
expect_eq "$(jq -r '.indicators[] | select(.kind=="major_decision" and .name=="review_short") | .numerator' "$BODY")" "$((N0+1))" "合法性审查时间不足 counts it"
expect_eq "$(jq -r '.indicators[] | select(.kind=="major_decision" and .name=="consult_short") | .numerator' "$BODY")" "$C0" "公开征求意见期限不足 does not"
get "/k/major_decision?year=2026&ind=review_short"
expect_status 200
expect_contains "$BODY" 'JC-MIN-1' "the numerator's list names it"
get "/k/major_decision?year=2026&ind=consult_short"
expect_not_contains "$BODY" 'JC-MIN-1' "…and the comment-period list does not"

# a comment period still open may end after today
api POST /api/v1/k/major_decision '{"decision_no":"JC-MIN-2","title":"老旧小区改造规划","area":"经济社会发展重要规划","listed":"2026-06-01","consult_from":"2026-06-15","consult_to":"2026-07-20"}'
expect_status 201 "a planned end after today is accepted"
api GET "/api/v1/k/major_decision/$(json .id)"
expect_json '.deadlines[] | select(.name=="consult") | .minimum and (.done) and (.short | not)' "35 days planned: long enough"
# a review not yet answered is no finding
api POST /api/v1/k/major_decision '{"decision_no":"JC-MIN-3","title":"某项目","area":"重大公共建设项目","listed":"2026-06-01","review_sent":"2026-06-29"}'
expect_status 201
api GET "/api/v1/k/major_decision/$(json .id)"
expect_json '.deadlines[] | select(.name=="review") | (.done | not) and (.short | not) and (.active | not)' "an open review is neither short nor overdue"

"$FAZHI" schema --json >"$T/schema.json"
expect_eq "$(jq -r '.kinds[] | select(.id=="major_decision") | [.deadlines[] | .rule] | join(",")' "$T/schema.json")" "minimum,minimum" "schema --json: both are minimum rules"
expect_eq "$(jq -r '.kinds[] | select(.id=="reconsideration") | .deadlines[] | select(.id=="decision") | .deemed_start.as + "|" + .extension_counted_from' "$T/schema.json")" "视为受理|end" "schema --json: the deemed start and the extension's reading"
expect_eq "$(jq -r '.kinds[] | select(.id=="enforcement_case") | .deadlines[] | select(.id=="decision") | .extension_when' "$T/schema.json")" "rules=samr" "schema --json: whose rule grants the +30"
finish
