#!/bin/sh
# tests/http/175-one-answer.sh
# Issue 14 §3 (and the handlers' part of §1): one answer path for both
# faces. A handler computes a result code and a view; req_answer
# (src/http/answer.c) maps the code to the status and the face renders it:
# the page (src/web/face.c) or the JSON document (src/api/face.c).
#   1. The tree: no handler asks which face it serves (no bApi in
#      src/handlers), handlers and the API run no SQL, the report's four
#      tables are queried only in src/report/store.c, and every handler is
#      short (the 124-line h_draft_save gave its form to src/report/form.c).
#   2. The same result answers alike in both faces: a record outside the
#      scope is 404 with the same words; a refused save is 422 (the form
#      again / the error list); a refused delete is 409 (the record with
#      the reason / the error list); a missing report version is 404 with
#      the report's words; a bad login is 401 with the same message; the
#      editor's form with a place that is not a number comes back 422 with
#      what was typed, and an incomplete form is 400.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$(dirname "$0")/../../src" && pwd)

# 1. The tree
check "no handler branches on the face (grep bApi src/handlers)" \
  sh -c "! grep -n bApi '$SRC'/handlers/*.c"
check "handlers and the API run no SQL (db_, SqlBuf, sql_)" \
  sh -c "! grep -nE 'db_|SqlBuf|sql_' '$SRC'/handlers/*.c '$SRC'/api/*.c"
check "the report's tables are queried only in src/report/store.c" \
  sh -c "! grep -nE '(FROM|INTO|UPDATE|JOIN) +(report_version|report_para|baseline_report|baseline_fig)' \$(ls '$SRC'/report/*.c | grep -v /store.c)"
check "every handler stays short (h_*: at most 16 lines)" \
  sh -c "! awk '/^void h_[a-z_]*\\(Req \\*r\\)\\{\$/ { name=\$0; start=FNR } /^}/ { if( name!=\"\" && FNR-start-1>16 ){ print FILENAME\": \"name; bad=1 } name=\"\" } END { exit !bad }' '$SRC'/handlers/*.c"
N_SAVE=$(awk '/^void h_draft_save\(Req \*r\)\{$/ { s=FNR } /^}/ { if( s ){ print FNR-s-1; s=0 } }' "$SRC/handlers/report.c")
check "h_draft_save is a few lines ($N_SAVE)" test "${N_SAVE:-999}" -le 15

start_server
login admin
api_login admin
login shichang
api_login shichang

# 2a. A record outside the scope: 404, the same words in both faces.
MYPATH=$(sql "SELECT d.path FROM dept d, users u WHERE u.dept_id=d.id AND u.login='shichang'")
AID=$(sql "SELECT e.id FROM enforcement_case e, dept d WHERE d.id=e.dept_id AND substr(d.path, 1, length('$MYPATH'))<>'$MYPATH' LIMIT 1")
expect_ne "$AID" "" "a case of another department"
as shichang
get "/k/enforcement_case/$AID"
expect_status 404 "web: another department's case"
expect_contains "$BODY" "行政执法案件第${AID}号记录不存在，或不在您的数据权限范围内"
api_as shichang
api_get "/api/v1/k/enforcement_case/$AID"
expect_status 404 "API: another department's case"
expect_json ".error.code == 404 and .error.message == \"行政执法案件第${AID}号记录不存在，或不在您的数据权限范围内\""

# 2b. A refused save: 422; the form again with the error, or the error list.
as admin
N0=$(sql "SELECT count(*) FROM reconsideration")
post_form /k/reconsideration/new case_no= received=2026-13-01
expect_status 422 "web: a save with a bad date"
expect_contains "$BODY" '<form'
expect_contains "$BODY" '2026-13-01' "what was typed comes back"
api_as admin
api POST /api/v1/k/reconsideration '{"received":"2026-13-01"}'
expect_status 422 "API: the same save"
expect_json '.errors | length > 0' "the error list"
expect_json 'any(.errors[]; .field == "received")' "the date is named"
expect_eq "$(sql "SELECT count(*) FROM reconsideration")" "$N0" "nothing written"

# 2c. A refused delete (records refer to it): 409 in both faces.
DEPT_ITEM=$(sql "SELECT it.id FROM inspection_item it WHERE EXISTS (SELECT 1 FROM inspection i WHERE i.item=it.id) LIMIT 1")
expect_ne "$DEPT_ITEM" "" "an item inspections refer to"
if [ -n "$DEPT_ITEM" ]; then
  api DELETE "/api/v1/k/inspection_item/$DEPT_ITEM"
  expect_status 409 "API: an item inspections refer to"
  expect_json '.errors | length > 0' "the reason"
  as admin
  post_form "/k/inspection_item/$DEPT_ITEM/delete"
  expect_status 409 "web: the same delete"
  expect_contains "$BODY" 'class="errors' "the record page with the reason"
fi

# 2d. A report version that is not there: 404 with the report's words.
as admin
get /report/v/999999
expect_status 404 "web: no such version"
expect_contains "$BODY" "没有这个报告版本（或它不属于您的单位、不是这一年度的）"
api_get /api/v1/report/v/999999
expect_status 404 "API: no such version"
expect_json '.error.message == "没有这个报告版本（或它不属于您的单位、不是这一年度的）"'

# 2e. A bad login: 401 with the same message in both faces.
login_attempt admin wrong-password
expect_status 401 "web: wrong password"
expect_contains "$BODY" '<form'
WEBMSG=$(sed -n 's/.*class="notice bad" role="alert">\([^<]*\)<.*/\1/p' "$BODY" | head -1)
TOKEN=
api POST /api/v1/login '{"login":"admin","password":"wrong-password"}'
expect_status 401 "API: wrong password"
APIMSG=$(json .error.message)
expect_ne "$APIMSG" "" "the API says why"
[ -n "$WEBMSG" ] && expect_eq "$WEBMSG" "$APIMSG" "the same words in both faces"
login admin
api_login admin

# 2f. The editor's form (read by src/report/form.c): a place that is not a
# number comes back 422 with what was typed; an incomplete form is 400.
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "a version to edit"
V=$(json .id)
as admin
post_form "/report/v/$V" n=1 nn=0 t_0=p "x_0=她写的一段话" o_0=第一
expect_status 422 "a place that is not a number"
expect_contains "$BODY" "第1段的序号“第一”不是数字"
expect_contains "$BODY" "她写的一段话" "what she typed is not lost"
post_form "/report/v/$V" n=2 nn=0 t_0=p x_0=一
expect_status 400 "a paragraph missing from the form"
expect_contains "$BODY" "表单不完整（缺少第2段），请刷新页面后重试"
api_get "/api/v1/report/v/$V"
expect_json '.paragraphs | length > 5' "nothing was saved"

finish
