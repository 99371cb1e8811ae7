#!/bin/sh
# tests/http/030-csrf.sh
# Every state-changing request made with the session cookie must carry the
# session's CSRF token (form field _csrf or header X-CSRF-Token); requests
# authenticated by a bearer token need none. A refused request writes nothing.
. "$(dirname "$0")/lib.sh"
start_server

n_recon(){ sql "SELECT count(*) FROM reconsideration"; }
N0=$(n_recon)
REC='case_no=示复〔2026〕CSRF-1号'

login fuyi
CSRF_FUYI=$CSRF

# 1. Web form without _csrf: 403 with the CSRF message, nothing written.
post /k/reconsideration/new --data-urlencode "$REC" --data-urlencode applicant=张某 \
  --data-urlencode respondent=示范县公安局 --data-urlencode matter=penalty \
  --data-urlencode received=2026-06-01 --data-urlencode procedure=ordinary
expect_status 403 "form POST without _csrf"
expect_contains "$BODY" 'CSRF'
expect_contains "$BODY" '表单已失效或来源不明（CSRF校验失败），请刷新页面后重试'
expect_eq "$(n_recon)" "$N0" "nothing written without _csrf"

# 2. With a wrong token (same length, and a short one): 403.
post /k/reconsideration/new --data-urlencode "_csrf=$(echo "$CSRF" | tr '0-9a-f' '1-9a-f0')" \
  --data-urlencode "$REC" --data-urlencode applicant=张某 --data-urlencode respondent=示范县公安局 \
  --data-urlencode matter=penalty --data-urlencode received=2026-06-01 --data-urlencode procedure=ordinary
expect_status 403 "form POST with a wrong _csrf"
expect_contains "$BODY" 'CSRF'
post /k/reconsideration/new --data-urlencode "_csrf=abc" --data-urlencode "$REC"
expect_status 403 "form POST with a short _csrf"
post /k/reconsideration/new --data-urlencode "_csrf=" --data-urlencode "$REC"
expect_status 403 "form POST with an empty _csrf"
expect_eq "$(n_recon)" "$N0" "nothing written with wrong tokens"

# Another user's token does not fit this session.
login zhengwu
CSRF_ZW=$CSRF
as fuyi
post /k/reconsideration/new --data-urlencode "_csrf=$CSRF_ZW" --data-urlencode "$REC" \
  --data-urlencode applicant=张某 --data-urlencode respondent=示范县公安局 --data-urlencode matter=penalty \
  --data-urlencode received=2026-06-01 --data-urlencode procedure=ordinary
expect_status 403 "form POST with another session's token"

# Transitions, deletes, logout and imports need the token as well.
REC_ID=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id LIMIT 1")
post "/k/reconsideration/$REC_ID/do/accept"
expect_status 403 "transition without _csrf"
post "/k/reconsideration/$REC_ID/delete"
expect_status 403 "delete without _csrf"
expect_eq "$(sql "SELECT state FROM reconsideration WHERE id=$REC_ID")" received "case untouched"
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,CSRF-IMP-1,甲,乙,其他,2026-06-01,普通程序\n' >"$T/one.csv"
post /k/reconsideration/import -F "file=@$T/one.csv"
expect_status 403 "import without _csrf"
expect_eq "$(n_recon)" "$N0" "nothing imported without _csrf"
post /logout
expect_status 403 "logout without _csrf"
get /
expect_status 200 "still logged in after a refused logout"

# 3. With the right token the same form is accepted.
post_form /k/reconsideration/new "$REC" applicant=张某 respondent=示范县公安局 matter=penalty \
  received=2026-06-01 procedure=ordinary
expect_status 303 "form POST with _csrf"
expect_eq "$(n_recon)" "$((N0+1))" "one record written"

# The token also works as the X-CSRF-Token header on a web form.
post "/k/reconsideration/$REC_ID/do/accept" -H "X-CSRF-Token: $CSRF_FUYI"
expect_status 303 "transition with X-CSRF-Token"

# 4. The API used with the session cookie needs X-CSRF-Token …
BODYJ='{"case_no":"示复〔2026〕CSRF-2号","applicant":"李某","respondent":"示范县自然资源局","matter":"license","received":"2026-06-02","procedure":"simple"}'
req POST /api/v1/k/reconsideration -H 'Content-Type: application/json' --data-binary "$BODYJ"
expect_status 403 "API POST with cookie, no X-CSRF-Token"
expect_header '^Content-Type: application/json' "the refusal is JSON"
expect_json '.error.code == 403 and (.error.message | contains("CSRF"))'
req POST /api/v1/k/reconsideration -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF_ZW" --data-binary "$BODYJ"
expect_status 403 "API POST with cookie and another session's X-CSRF-Token"
req DELETE "/api/v1/k/reconsideration/$REC_ID"
expect_status 403 "API DELETE with cookie, no X-CSRF-Token"
expect_eq "$(n_recon)" "$((N0+1))" "nothing written by the refused API calls"
# The token /api/v1/me reports is the session's, and it is accepted.
req GET /api/v1/me
ME_CSRF=$(json .csrf)
expect_eq "$ME_CSRF" "$CSRF_FUYI" "/api/v1/me reports the session's CSRF token"
req POST /api/v1/k/reconsideration -H 'Content-Type: application/json' -H "X-CSRF-Token: $ME_CSRF" --data-binary "$BODYJ"
expect_status 201 "API POST with cookie and X-CSRF-Token"
expect_json '.fields.case_no == "示复〔2026〕CSRF-2号" and .dept == "示范县司法局"'

# 5. … while a bearer token needs none.
api_login fuyi
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕CSRF-3号",'
expect_status 400 "API POST with malformed JSON"
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕CSRF-3号","applicant":"王某","respondent":"示范县交通运输局","matter":"other","received":"2026-06-03","procedure":"ordinary"}'
expect_status 201 "API POST with bearer token, no CSRF"
NEW_ID=$(json .id)
api POST "/api/v1/k/reconsideration/$NEW_ID/do/accept"
expect_status 200 "API transition with bearer token"
expect_json '.state == "accepted" and .state_label == "已受理"'
api DELETE "/api/v1/k/reconsideration/$NEW_ID"
expect_status 200 "API DELETE with bearer token"
expect_json ".deleted == $NEW_ID"
expect_eq "$(n_recon)" "$((N0+2))" "two records remain from the accepted calls"

# A bad bearer token is not a login, and does not fall back to the cookie.
TOKEN=0000000000000000000000000000000000000000000000000000000000000000
api POST /api/v1/k/reconsideration '{"case_no":"X"}'
expect_status 401 "API POST with an unknown bearer token"
expect_json '.error.message == "请先登录"'

finish
