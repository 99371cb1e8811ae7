#!/bin/sh
# tests/http/200-deemed-acceptance.sh
# 行政复议 deemed acceptance (行政复议法 第三十条第三款, issue 16 §1): a case
# received Mon 2025-03-03 whose acceptance was recorded late (2025-03-20)
# was accepted on the review period's last day, 2025-03-10 (5 working
# days: 03-04 … 03-10), and its 60-day decision period runs from there:
# due Fri 2025-05-09 (03-31 day 21, 04-30 day 51), not 05-19. The page and
# the API say 视为受理日 2025-03-10 with the article; a case accepted in
# time (03-05) is counted from 03-05 (due 05-04, a Sunday in 劳动节 → Tue
# 05-06) with no deemed date; a case still 待审查 past its review period
# has a decision deadline all the same, one still within it has none yet.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login fuyi
api_login fuyi

# accepted late
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2025〕视-1号","applicant":"王某","respondent":"示范县市场监督管理局","matter":"penalty","received":"2025-03-03","accepted":"2025-03-20","procedure":"ordinary"}'
expect_status 201 "case entered with a late acceptance date"
R1=$(json .id)
api POST "/api/v1/k/reconsideration/$R1/do/accept"
expect_status 200 "accepted (the date entered is kept)"
expect_json '.fields.accepted == "2025-03-20"' "the recorded acceptance date stays"
api GET "/api/v1/k/reconsideration/$R1"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == "2025-03-10" and .late' "the review period ended 03-10, missed"
expect_json '.deadlines[] | select(.name=="decision") | .due == "2025-05-09"' "decision due 05-09, from the deemed acceptance"
expect_json '.deadlines[] | select(.name=="decision") | .deemed_start.date == "2025-03-10" and .deemed_start.as == "视为受理"' "the API names the deemed date"
expect_json '.deadlines[] | select(.name=="decision") | .deemed_start.basis | contains("第三十条第三款")' "…with its article"
get "/k/reconsideration/$R1"
expect_status 200
expect_contains "$BODY" '<td>复议决定期限</td><td>2025-05-09</td>' "the page: due 05-09"
expect_contains "$BODY" '（自视为受理日2025-03-10起算）' "…counted from the deemed acceptance"
expect_contains "$BODY" '视为受理日 2025-03-10（依据《行政复议法》第三十条第三款：行政复议申请的审查期限届满，行政复议机关未作出不予受理决定的，审查期限届满之日起视为受理）' "视为受理日 with its basis"
expect_not_contains "$BODY" '2025-05-19' "not counted from the late entry"

# accepted in time: counted from the recorded acceptance
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2025〕视-2号","applicant":"李某","respondent":"示范县市场监督管理局","matter":"penalty","received":"2025-03-03","accepted":"2025-03-05","procedure":"ordinary"}'
expect_status 201
R2=$(json .id)
api POST "/api/v1/k/reconsideration/$R2/do/accept"
expect_status 200
get "/k/reconsideration/$R2"
expect_contains "$BODY" '<td>复议决定期限</td><td>2025-05-06</td>' "due 05-06 (05-04 in 劳动节 moves)"
expect_not_contains "$BODY" '视为受理日' "no deemed date when accepted in time"

# still 待审查 past the review period: a decision deadline all the same
# (received Mon 2026-06-01: review ends Mon 06-08; 60 days: 06-30 day 22,
# 07-31 day 53, Fri 08-07 day 60)
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕视-3号","applicant":"赵某","respondent":"示范县自然资源局","matter":"license","received":"2026-06-01","procedure":"ordinary"}'
expect_status 201
R3=$(json .id)
get "/k/reconsideration/$R3"
expect_contains "$BODY" '<td>受理审查期限</td><td>2026-06-08</td><td>已逾期' "the review period is overdue"
expect_contains "$BODY" '<td>复议决定期限</td><td>2026-08-07</td><td>剩' "a 待审查 case has its decision deadline running"
expect_contains "$BODY" '视为受理日 2026-06-08（依据' "…from the deemed acceptance"
# the simple procedure the same way: 30 days from 06-08 = Wed 07-08
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕视-4号","applicant":"钱某","respondent":"示范县自然资源局","matter":"disclosure","received":"2026-06-01","procedure":"simple"}'
expect_status 201
api GET "/api/v1/k/reconsideration/$(json .id)"
expect_json '.deadlines[] | select(.name=="decision_simple") | .due == "2026-07-08" and .active' "简易程序: 30 days from the deemed acceptance"

# within its review period (received Mon 06-29, review ends Mon 07-06) a
# case is not yet deemed accepted: no decision deadline, no 视为受理日
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕视-6号","applicant":"周某","respondent":"示范县自然资源局","matter":"license","received":"2026-06-29","procedure":"ordinary"}'
expect_status 201
R6=$(json .id)
api GET "/api/v1/k/reconsideration/$R6"
expect_json '[.deadlines[] | select(.name=="decision")] | length == 0' "still within the review: no decision deadline yet"
get "/k/reconsideration/$R6"
expect_contains "$BODY" '<td>受理审查期限</td><td>2026-07-06</td><td>剩' "the review period runs"
expect_not_contains "$BODY" '视为受理日' "nothing is deemed yet"

# a case 不予受理 has no decision period
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕视-5号","applicant":"孙某","respondent":"示范县自然资源局","matter":"license","received":"2026-06-01","procedure":"ordinary"}'
R5=$(json .id)
api POST "/api/v1/k/reconsideration/$R5/do/reject"
expect_status 200
api GET "/api/v1/k/reconsideration/$R5"
expect_json '[.deadlines[] | select(.name=="decision")] | length == 0' "不予受理: no decision deadline"

"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
check "fazhi check passes" grep -q '均与日志最后一次记载一致' "$T/check.out"
finish
