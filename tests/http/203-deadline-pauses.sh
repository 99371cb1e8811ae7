#!/bin/sh
# tests/http/203-deadline-pauses.sh
# Pauses and restarts of statutory periods (issue 16 §3), FAZHI_TODAY=2026-06-30:
#  - 依申请公开 补正 (政府信息公开条例 第三十条): received Mon 2026-03-02,
#    补正 asked 03-04, the corrected request received Mon 03-09; 20 working
#    days from 03-09: 10..13 (4), 16..20 (9), 23..27 (14), 30..04-03 (19),
#    清明 04-04..06 off, Tue 04-07 (20). Answered 04-07: on time (from 03-02
#    it would have been due 03-30), and the on-time rate counts it.
#  - 征求第三方意见 (第三十三条第三款): received Mon 2026-05-11, consultation
#    05-18..05-22 (5 working days). Unsuspended end Mon 06-08; with the 5
#    days 06-09..12 (4), Mon 06-15 (5). Still open on 06-30: overdue.
#  - a consultation with no end entered halts the period: no due date,
#    暂停计算 on the list and the page, "halted" in the API.
#  - 行政复议 补正 (复议法 第三十一条): received Mon 2026-03-02, notice 03-04:
#    no review running, no deemed acceptance, no decision period; materials
#    entered as received Mon 03-16: review 17..20, Mon 03-23 (5); still
#    待审查, so deemed accepted 03-23 (第三十条第三款) and the decision is
#    due 60 days on: 03-31 day 8, 04-30 day 38, Fri 05-22 day 60.
#  - pause dates out of order are refused, naming both fields, and change nothing.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

api GET "/api/v1/indicators?year=2026"
expect_status 200
ON0=$(jq -r '.indicators[] | select(.kind=="disclosure_request" and .name=="ontime_rate") | .numerator' "$BODY")
DEN0=$(jq -r '.indicators[] | select(.kind=="disclosure_request" and .name=="ontime_rate") | .denominator' "$BODY")
check "the on-time rate exists ($ON0/$DEN0)" test -n "$ON0" -a -n "$DEN0"

# ---- 补正 restarts the answer period
api POST /api/v1/k/disclosure_request '{"request_no":"GK-P-1","applicant":"张某","applicant_type":"person","channel":"online","subject":"某项目环评","received":"2026-03-02","correction_asked":"2026-03-04","correction_received":"2026-03-09","answered":"2026-04-07","outcome":"disclosed"}'
expect_status 201 "a request with 补正 entered"
A=$(json .id)
api POST "/api/v1/k/disclosure_request/$A/do/answer"
expect_status 200 "answered"
api GET "/api/v1/k/disclosure_request/$A"
expect_json '.deadlines[] | select(.name=="answer") | .due == "2026-04-07" and (.late | not) and .restart.from == "2026-03-09" and .restart.label == "补正"' "API: counted anew from 03-09, due 04-07, on time"
expect_json '.deadlines[] | select(.name=="answer") | .restart.basis | contains("第三十条")' "API: the restart's basis"
get "/k/disclosure_request/$A"
expect_status 200
expect_contains "$BODY" '<td>答复期限</td><td>2026-04-07</td><td>按期完成（补正：自2026-03-09起重新计算）</td>' "page: the restart beside the due date"
expect_contains "$BODY" '答复期限（补正）：自2026-03-09起重新计算，此前经过的期间不计（依据《政府信息公开条例》第三十条' "page: the restart with its basis"
api GET "/api/v1/indicators?year=2026"
expect_eq "$(jq -r '.indicators[] | select(.kind=="disclosure_request" and .name=="ontime_rate") | "\(.numerator)/\(.denominator)"' "$BODY")" "$((ON0+1))/$((DEN0+1))" "the on-time rate counts it on time"

# ---- third-party consultation is not counted
api POST /api/v1/k/disclosure_request '{"request_no":"GK-P-2","applicant":"某公司","applicant_type":"enterprise","channel":"letter","subject":"招标文件","received":"2026-05-11","consult_from":"2026-05-18","consult_to":"2026-05-22"}'
expect_status 201
B=$(json .id)
api GET "/api/v1/k/disclosure_request/$B"
expect_json '.deadlines[] | select(.name=="answer") | .due == "2026-06-15" and .late and .active and .suspension.not_counted == 5 and .suspension.unit == "workdays" and .suspension.from == "2026-05-18" and .suspension.to == "2026-05-22"' "API: 5 working days left out, due 06-15, overdue"
get "/k/disclosure_request/$B"
expect_contains "$BODY" '（征求第三方意见 2026-05-18至2026-05-22不计入，共5个工作日）' "page: which days were not counted"
expect_contains "$BODY" '答复期限（征求第三方意见）：2026-05-18至2026-05-22（含两端）不计入期限，共5个工作日（依据《政府信息公开条例》第三十三条第三款' "page: …and why"

# ---- an open consultation halts the period
api POST /api/v1/k/disclosure_request '{"request_no":"GK-P-3","applicant":"李某","applicant_type":"person","channel":"online","subject":"某信息","received":"2026-06-01","consult_from":"2026-06-10"}'
expect_status 201
C=$(json .id)
api GET "/api/v1/k/disclosure_request/$C"
expect_json '.deadlines[] | select(.name=="answer") | .due == null and .halted.since == "2026-06-10" and (.active | not) and (.late | not)' "API: halted since 06-10, nothing due"
get "/k/disclosure_request?q=GK-P-3"
expect_contains "$BODY" '暂停计算（征求第三方意见）' "list: 暂停计算"
get "/k/disclosure_request/$C"
expect_contains "$BODY" '<td>暂停计算（征求第三方意见：自2026-06-10起暂停，待填写征求第三方意见结束日期）</td>' "page: halted, and what ends it"

# ---- out of order: refused, nothing changed
api POST /api/v1/k/disclosure_request '{"request_no":"GK-P-4","applicant":"王某","applicant_type":"person","channel":"online","subject":"某信息","received":"2026-03-02","correction_asked":"2026-03-10","correction_received":"2026-03-05"}'
expect_status 422 "a corrected request before the notice is refused"
expect_contains "$BODY" '收到补正申请日期（2026-03-05）不得早于告知补正日期（2026-03-10）' "…naming both fields"
api PUT "/api/v1/k/disclosure_request/$B" '{"consult_from":"2026-05-01"}'
expect_status 422 "a consultation before the request is refused"
expect_contains "$BODY" '征求第三方意见开始日期（2026-05-01）不得早于收到申请日期（2026-05-11）' "…naming both fields"
api GET "/api/v1/k/disclosure_request/$B"
expect_json '.fields.consult_from == "2026-05-18"' "…and changes nothing"

# ---- 复议 补正: the review restarts, deemed acceptance follows
api POST /api/v1/k/reconsideration '{"case_no":"FY-P-1","applicant":"赵某","respondent":"某局","matter":"penalty","received":"2026-03-02","procedure":"ordinary","correction_asked":"2026-03-04"}'
expect_status 201
R=$(json .id)
api GET "/api/v1/k/reconsideration/$R"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == null and .halted.label == "补正" and .halted.since == "2026-03-04"' "waiting for 补正材料: the review is halted"
expect_json '[.deadlines[] | select(.name=="decision")] | length == 0' "…no deemed acceptance, no decision period"
api PUT "/api/v1/k/reconsideration/$R" '{"correction_received":"2026-03-16"}'
expect_status 200 "补正材料 received"
api GET "/api/v1/k/reconsideration/$R"
expect_json '.deadlines[] | select(.name=="acceptance") | .due == "2026-03-23" and .restart.from == "2026-03-16"' "the review counts anew: due 03-23"
expect_json '.deadlines[] | select(.name=="decision") | .deemed_start.date == "2026-03-23" and .due == "2026-05-22"' "deemed accepted 03-23, decision due 05-22"
get "/k/reconsideration/$R"
expect_contains "$BODY" '受理审查期限（补正）：自2026-03-16起重新计算，此前经过的期间不计（依据《行政复议法》第三十一条' "page: the restart and its basis"

"$FAZHI" schema --json >"$T/schema.json"
expect_eq "$(jq -r '.kinds[] | select(.id=="disclosure_request") | .deadlines[] | select(.id=="answer") | [.pauses[] | .mode + ":" + .from + "-" + .to] | join(",")' "$T/schema.json")" "restart:correction_asked-correction_received,suspend:consult_from-consult_to" "schema --json: the pauses"
expect_eq "$(jq -r '.kinds[] | select(.id=="reconsideration") | .deadlines[] | select(.id=="acceptance") | .pauses[0].basis | contains("第三十一条")' "$T/schema.json")" "true" "schema --json: 复议 补正 with its basis"
finish
