#!/bin/sh
# tests/http/227-workflow-steps.sh
# A workflow step asks for what its next state needs (issue 17 §4): the
# 复议 create form leaves out 受理日期, 结案日期 and 结案方式 (they belong to
# later states); 受理's page asks for 受理日期 alone, prefilled with today;
# 结案's asks for 结案日期 (today) and 结案方式, and refused without 结案方式
# it shows the error beside that field and changes nothing; given it, the
# case is closed with both stored. The record's page links each step that
# asks for fields (the dialog's form) and keeps 不予受理 a plain button.
# The API takes the step's fields in its body, and still none at all.
. "$(dirname "$0")/lib.sh"
start_server

login fuyi
api_login fuyi

# 1. The create form: no field of a later state.
get /k/reconsideration/new
expect_status 200
expect_contains "$BODY" 'name="received"' "收到申请日期 is on the create form"
expect_not_contains "$BODY" 'name="accepted"' "受理日期 (required from 已受理) is not on the create form"
expect_not_contains "$BODY" 'name="decided"' "结案日期 (required when 已结案) is not on the create form"
expect_not_contains "$BODY" 'name="outcome"' "结案方式 is not on the create form"

post_form /k/reconsideration/new dept_id="$(sql "SELECT dept_id FROM users WHERE login='fuyi'")" \
  case_no="示复〔2026〕S227号" applicant="张某" respondent="示范县市场监督管理局" matter=penalty \
  received=2026-06-29 procedure=ordinary
expect_status 303 "a new case from the create form"
RID=$(sql "SELECT id FROM reconsideration WHERE case_no='示复〔2026〕S227号'")
expect_ne "$RID" "" "the case is stored"

# 2. The record's page: 受理 and 结案 open their forms, 不予受理 is a button.
get "/k/reconsideration/$RID"
expect_contains "$BODY" "<a class=\"btn primary\" href=\"/k/reconsideration/$RID/do/accept\" data-step>受理</a>" "受理 opens its step"
expect_contains "$BODY" "action=\"/k/reconsideration/$RID/do/reject\"" "不予受理 (asks for nothing) is a plain button"
get "/k/reconsideration/$RID/edit"
expect_not_contains "$BODY" 'name="accepted"' "the edit form of a case 待审查 leaves 受理日期 to 受理 as well"

# 3. 受理's step: 受理日期 alone, prefilled with today.
get "/k/reconsideration/$RID/do/accept"
expect_status 200 "受理's page"
expect_contains "$BODY" '<form method="post" action="/k/reconsideration/'"$RID"'/do/accept" class="record step"' "the step's form"
expect_contains "$BODY" 'name="accepted" value="2026-06-30"' "受理日期 prefilled with today"
expect_eq "$(grep -o 'id="f-[a-z_]*"' "$BODY" | tr '\n' ' ')" 'id="f-accepted" ' "the only field asked is 受理日期"
post_form "/k/reconsideration/$RID/do/accept" accepted=2026-06-30
expect_status 303 "受理 taken"
expect_eq "$(sql "SELECT state||' '||accepted FROM reconsideration WHERE id=$RID")" "accepted 2026-06-30" "已受理 on today"

# 4. 结案's step: 结案日期 (today) and 结案方式.
get "/k/reconsideration/$RID/do/close"
expect_status 200 "结案's page"
expect_eq "$(grep -o 'id="f-[a-z_]*"' "$BODY" | tr '\n' ' ')" 'id="f-decided" id="f-outcome" ' "结案 asks for 结案日期 and 结案方式"
expect_contains "$BODY" 'name="decided" value="2026-06-30"' "结案日期 prefilled with today"
get "/k/reconsideration/$RID/do/accept"
expect_status 409 "a step the state does not allow"

post_form "/k/reconsideration/$RID/do/close" decided=2026-06-30 outcome=
expect_status 422 "结案 without 结案方式"
expect_contains "$BODY" '<div class="err" id="e-outcome">状态为“已结案”时不能为空</div>' "the error beside 结案方式"
expect_contains "$BODY" 'class="record step"' "the step's form again"
expect_not_contains "$BODY" '共发现' "no error list apart from the field"
expect_eq "$(sql "SELECT state FROM reconsideration WHERE id=$RID")" "accepted" "nothing changed"

post_form "/k/reconsideration/$RID/do/close" decided=2026-06-30 outcome=uphold note=IGNORED
expect_status 303 "结案 with 结案方式"
expect_eq "$(sql "SELECT state||' '||decided||' '||outcome||' '||COALESCE(note,'-') FROM reconsideration WHERE id=$RID")" \
  "closed 2026-06-30 uphold -" "已结案 with both (a field the step does not ask is not taken)"

# 5. The API: the step's fields in the body; an empty body still takes a step.
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕S227A号","applicant":"李某","respondent":"示范县公安局","matter":"penalty","received":"2026-06-29","procedure":"ordinary"}'
expect_status 201
AID=$(json .id)
api POST "/api/v1/k/reconsideration/$AID/do/accept"
expect_status 200 "受理 by the API without a body"
api POST "/api/v1/k/reconsideration/$AID/do/close" '{"decided":"2026-06-30"}'
expect_status 422 "结案 by the API without 结案方式"
expect_json '[.errors[].field] | index("outcome") != null'
api POST "/api/v1/k/reconsideration/$AID/do/close" '{"decided":"2026-06-30","outcome":"dismiss"}'
expect_status 200 "结案 by the API with 结案方式"
expect_eq "$(sql "SELECT state||' '||outcome FROM reconsideration WHERE id=$AID")" "closed dismiss" "closed"
finish
