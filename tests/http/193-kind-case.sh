#!/bin/sh
# tests/http/193-kind-case.sh
# Issue 15 §2: a custom 案件 (case) kind with states, transitions, a
# statutory period, a reference to a built-in kind's record, indicators
# over states and a breakdown by department. A clerk opens a case that
# names an enterprise of the 名录库 by its credit code, the detail page
# counts its period (15 working days from receipt, the basis quoted), the
# clerk closes it (the transition stamps the day), the rate of cases
# resolved and its breakdown follow, the leader may not move it, and a
# transition another state does not allow is refused. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
cat >"$T/case.json" <<'JSON'
{"id":"biz_appeal","label":"涉企诉求","group":"优化营商环境","shape":"case","fields":[
 {"id":"appeal_no","label":"诉求编号","type":"text","required":true,"unique":true,"list":true,"title":true},
 {"id":"enterprise_id","label":"企业","type":"ref","ref":"enterprise","required":true,"list":true},
 {"id":"received_on","label":"受理日期","type":"date","required":true,"list":true,"year_field":true},
 {"id":"topic","label":"诉求类别","type":"enum","required":true,"filter":true,"values":[{"id":"permit","label":"审批"},{"id":"fee","label":"收费"},{"id":"other","label":"其他"}]},
 {"id":"done_on","label":"办结日期","type":"date","required_in_states":"resolved,rejected"},
 {"id":"reply","label":"答复意见","type":"longtext"}],
 "states":[{"id":"open","label":"办理中"},{"id":"resolved","label":"已解决","final":true},{"id":"rejected","label":"不予受理","final":true}],
 "transitions":[{"id":"resolve","label":"办结","from":"open","to":"resolved","roles":["clerk","admin"],"stamps":"done_on"},
                {"id":"reject","label":"不予受理","from":"open","to":"rejected","roles":["admin"],"stamps":"done_on"}],
 "deadlines":[{"id":"reply","label":"答复期限","start":"received_on","length":15,"unit":"workdays","done":"done_on","active_in":"open","basis":"《优化营商环境条例》第六十三条（示例）"}],
 "indicators":[{"id":"appeals","label":"涉企诉求件数","unit":"count","unit_word":"件","numerator":{"agg":"count"}},
  {"id":"solved_rate","label":"诉求解决率","unit":"percent","decimals":1,"target":"95",
   "numerator":{"agg":"count","where":[{"field":"state","op":"state","value":"resolved"}]},
   "denominator":{"agg":"count","where":[{"field":"state","op":"state","value":"resolved,rejected"}]}}],
 "breakdowns":[{"indicator":"solved_rate","by":"dept_id","high_is_bad":false}],
 "report":{"section":"依法全面履行政府职能","intro":"畅通涉企诉求渠道。","sentences":["受理涉企诉求{appeals}件[，解决率{solved_rate%}]。"]}}
JSON
api_login admin
api POST /api/v1/kinds "$(cat "$T/case.json")"
expect_status 201 "a case kind through the API"
D_SC=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
CODE=$(sql "SELECT credit_code FROM enterprise ORDER BY id LIMIT 1")
EID=$(sql "SELECT id FROM enterprise WHERE credit_code='$CODE'")

api_login shichang
api POST /api/v1/k/biz_appeal "{\"dept_id\":$D_SC,\"appeal_no\":\"SQ-1\",\"enterprise_id\":\"$CODE\",\"received_on\":\"2026-06-22\",\"topic\":\"permit\"}"
expect_status 201 "a case naming an enterprise by its credit code"
expect_json ".state == \"open\" and .fields.enterprise_id == $EID"
A1=$(json .id)
api POST /api/v1/k/biz_appeal "{\"dept_id\":$D_SC,\"appeal_no\":\"SQ-2\",\"enterprise_id\":\"$CODE\",\"received_on\":\"2026-06-23\",\"topic\":\"fee\"}"
A2=$(json .id)
api POST /api/v1/k/biz_appeal "{\"dept_id\":$D_SC,\"appeal_no\":\"SQ-3\",\"enterprise_id\":\"没有这家\",\"received_on\":\"2026-06-23\",\"topic\":\"fee\"}"
expect_status 422 "an unknown enterprise"
expect_json 'any(.errors[]; .field == "enterprise_id")'
login shichang
get "/k/biz_appeal/$A1"
expect_status 200
expect_contains "$BODY" '答复期限'
expect_contains "$BODY" '2026-07-13' "15 working days from 2026-06-22"
expect_contains "$BODY" '《优化营商环境条例》第六十三条（示例）'
expect_contains "$BODY" "/k/enterprise/$EID" "the reference links its record"

# transitions: the clerk resolves, the admin-only one is refused to a clerk, the leader moves nothing
api POST "/api/v1/k/biz_appeal/$A1/do/resolve" '{}'
expect_status 200 "the clerk resolves"
expect_json '.state == "resolved" and .fields.done_on == "2026-06-30"' "…and the day is stamped"
api POST "/api/v1/k/biz_appeal/$A1/do/resolve" '{}'
expect_status 409 "a resolved case is not resolved again"
api POST "/api/v1/k/biz_appeal/$A2/do/reject" '{}'
expect_status 409 "reject is the admin's"
expect_json '.error.message | contains("您的角色无权执行")' 
api_login leader
api POST "/api/v1/k/biz_appeal/$A2/do/resolve" '{}'
expect_status 403 "the leader moves nothing"
api_login admin
api POST "/api/v1/k/biz_appeal/$A2/do/reject" '{}'
expect_status 200 "the admin rejects"

# figures: 1 resolved of 2 closed; the breakdown by department; the report
api GET "/api/v1/indicators?year=2026"
expect_json '.indicators[] | select(.kind == "biz_appeal" and .name == "solved_rate") | .value == "50.0" and .below_target == true' "the rate, below its target"
expect_json '.indicators[] | select(.kind == "biz_appeal" and .name == "appeals") | .text == "2件"'
api GET "/api/v1/breakdowns?year=2026&kind=biz_appeal"
expect_status 200 "the breakdown of a custom kind"
expect_contains "$BODY" '示范县市场监督管理局'
login admin
get "/report?year=2026"
sed 's/<[^>]*>//g' "$BODY" >"$T/report.txt"
expect_contains "$T/report.txt" '畅通涉企诉求渠道。' "the report's paragraph"
expect_contains "$T/report.txt" '受理涉企诉求2件，解决率50.0%（1/2）。'
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check"
finish
