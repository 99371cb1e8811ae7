#!/bin/sh
# tests/http/070-public-access.sh
# What an anonymous visitor can reach: the public kinds (政务服务事项,
# 行政规范性文件) with their F_PUBLIC fields only; everything else sends them
# to the login page (web) or answers 401 (API). Unknown pages are 404,
# wrong methods 405, and every answer carries the security headers.
. "$(dirname "$0")/lib.sh"
start_server
anon

# 1. 政务服务事项 is public, and every one of its fields is F_PUBLIC
# (src/modules/service_item.c), 设定依据 included.
N_ITEM=$(sql "SELECT count(*) FROM service_item")
get /k/service_item
expect_status 200 "anonymous service_item list"
expect_contains "$BODY" "共 $N_ITEM 条" "the public sees the whole catalog"
for label in 事项编码 事项名称 事项类型 进驻政务服务中心 网办深度 最多跑动次数 承诺时限（工作日）; do
  expect_contains "$BODY" ">$label</a></th>" "list column $label"
done
expect_not_contains "$BODY" 'href="/k/service_item/new"' "a 新增 button for the public"
expect_not_contains "$BODY" 'export.xlsx' "an 导出 button for the public"
expect_not_contains "$BODY" 'name="dept"' "the department filter for the public"
expect_contains "$BODY" '<a class="who" href="/login">登录</a>'
ITEM=$(sql "SELECT id FROM service_item ORDER BY id LIMIT 1")
get "/k/service_item/$ITEM"
expect_status 200 "anonymous service_item detail"
expect_contains "$BODY" "$(sql "SELECT name FROM service_item WHERE id=$ITEM")"
for label in 法定时限（工作日） 申请材料数 办理环节数 设定依据; do
  expect_contains "$BODY" "<th>$label</th>" "public detail row $label"
done
expect_not_contains "$BODY" '变更记录' "the change history for the public"
expect_not_contains "$BODY" "/k/service_item/$ITEM/edit" "a 修改 button for the public"
expect_not_contains "$BODY" 'name="_csrf"' "a CSRF token for the public"
api GET "/api/v1/k/service_item/$ITEM"
expect_status 200 "anonymous API service_item"
expect_json '.fields | has("basis") and has("legal_days") and has("code")'

# 2. 行政规范性文件: the public sees 文号, 文件名称, 公布日期, 有效期至, 清理结论
# but not the filing details nor the review reference.
N_DOC=$(sql "SELECT count(*) FROM normative_doc")
DOC=$(sql "SELECT id FROM normative_doc WHERE filed_date IS NOT NULL ORDER BY id LIMIT 1")
FILED=$(sql "SELECT filed_date FROM normative_doc WHERE id=$DOC")
get "/k/normative_doc?year=all"
expect_status 200 "anonymous normative_doc list"
expect_contains "$BODY" "共 $N_DOC 条"
expect_contains "$BODY" '>文号</a></th>'
expect_contains "$BODY" '>公布日期</a></th>'
expect_not_contains "$BODY" '报送备案日期' "a non-public column in the public list"
expect_not_contains "$BODY" 'name="f_filed_to"' "a filter on a non-public field"
expect_not_contains "$BODY" '<th>期限</th>' "the deadline column for the public"
get "/k/normative_doc/$DOC"
expect_status 200 "anonymous normative_doc detail"
for label in 文号 文件名称 公布日期 有效期至 清理结论; do
  expect_contains "$BODY" "<th>$label</th>" "public detail row $label"
done
for label in 合法性审核 报送备案日期 备案机关 同时报人大常委会备案 清理日期 法定期限; do
  expect_not_contains "$BODY" "$label" "public detail shows $label"
done
expect_not_contains "$BODY" "$FILED" "the filing date leaks"
api GET "/api/v1/k/normative_doc/$DOC"
expect_status 200 "anonymous API normative_doc"
expect_json '.fields | keys == ["cleanup","doc_no","published","title","valid_until"]' "only public fields in the API"
expect_json 'has("deadlines") | not' "no deadlines for the public"
api GET "/api/v1/k/normative_doc?year=all&size=200"
expect_json '[.rows[].fields | keys] | all(. == ["cleanup","doc_no","published","title","valid_until"])' "only public fields in the API list"
# Logged in, the same page shows them.
login leader
get "/k/normative_doc/$DOC"
expect_contains "$BODY" "<tr><th>报送备案日期</th><td class=\"\">$FILED</td></tr>" "the leader sees 报送备案日期"
anon

# 3. Hidden fields cannot be probed through filters, sorting or indicators.
# One document published but not filed, so filing data tells documents apart.
login fuyi
post_form /k/normative_doc/new doc_no=示司规〔2026〕公开1号 title=未备案的文件 published=2026-06-29
expect_status 303 "an unfiled document"
anon
N_DOC=$(sql "SELECT count(*) FROM normative_doc")
api GET "/api/v1/k/normative_doc?year=all&f_filed_to=city_gov&size=1"
expect_json ".total == $N_DOC" "f_filed_to is ignored for the public"
api GET "/api/v1/k/normative_doc?year=all&filed_to=city_gov&size=1"
expect_json ".total == $N_DOC" "filed_to= is ignored for the public"
api GET "/api/v1/k/normative_doc?year=all&ind=filing_rate&part=num&size=1"
expect_json ".total == $N_DOC" "an indicator on 报送备案日期 does not filter for the public"
api GET "/api/v1/k/normative_doc?year=all&size=200"
jq -c '[.rows[].id]' "$BODY" >"$T/order.default"
api GET "/api/v1/k/normative_doc?year=all&size=200&sort=filed_date&desc=1"
jq -c '[.rows[].id]' "$BODY" >"$T/order.hidden"
expect_eq "$(cat "$T/order.hidden")" "$(cat "$T/order.default")" "sort=filed_date (not public) is ignored for the public"

# 4. Non-public kinds: login page for the web, 401 for the API, no data.
for kind in reconsideration legality_review service_case; do
  get "/k/$kind"
  expect_status 303 "anonymous $kind list"
  expect_eq "$(location)" "/login?next=/k/$kind" "$kind list redirect"
  api GET "/api/v1/k/$kind"
  expect_status 401 "anonymous API $kind list"
  expect_header '^Content-Type: application/json' "$kind 401 is JSON"
  expect_json '.error.code == 401 and .error.message == "请先登录"'
done
REC=$(sql "SELECT id FROM reconsideration ORDER BY id LIMIT 1")
APPLICANT=$(sql "SELECT applicant FROM reconsideration WHERE id=$REC")
get "/k/reconsideration/$REC"
check "anonymous 复议 detail is refused (status $STATUS)" test "$STATUS" = 404 -o "$STATUS" = 303
expect_not_contains "$BODY" "$APPLICANT" "the applicant leaks"
api GET "/api/v1/k/reconsideration/$REC"
check "anonymous API 复议 detail is refused (status $STATUS)" test "$STATUS" = 404 -o "$STATUS" = 401
get /k/reconsideration/export.xlsx
expect_status 303 "anonymous export"
get /k/service_item/export.xlsx
expect_status 303 "anonymous export of a public kind"
get /k/service_item/new
expect_status 303 "anonymous new form"
api GET /api/v1/indicators
expect_status 401 "anonymous indicators"
get /audit
expect_status 303 "anonymous audit log"
api POST /api/v1/k/service_item '{"code":"X"}'
expect_status 401 "anonymous API create"
api GET /api/v1/schema
expect_status 200 "the schema is public"
expect_json '[.kinds[].id] | sort == ["audit_project","disclosure_request","emergency","enforcement_case","enterprise","file_review","hotline_ticket","inspection","inspection_item","inspection_plan","law_publicity","leader_duty","legal_aid","legal_counsel","legal_service","legality_review","litigation","major_decision","mediation","mediation_org","monitor","normative_doc","officer","power_item","proposal","publication","publicity_force","reconsideration","rectification","regulation","rescue_team","resettlement","service_case","service_item","study_session","supervision"]'
expect_json '[.kinds[] | select(.id=="power_item") | .fields[] | select(.id=="list_year") | .year_field] == [true]' "the 权责清单's year is its version"
# 权责清单 is published: the public sees this year's version, not its 调整说明.
get "/k/power_item?year=2026"
expect_status 200 "anonymous 权责清单"
expect_contains "$BODY" "共 $(sql "SELECT count(*) FROM power_item WHERE list_year=2026") 条" "the whole 2026 version"
expect_not_contains "$BODY" 'action="/k/power_item/carry"' "the carry button for the public"
PI=$(sql "SELECT id FROM power_item WHERE list_year=2026 ORDER BY id LIMIT 1")
api GET "/api/v1/k/power_item/$PI"
expect_json '.fields | has("note") | not' "调整说明 is not public"
post /k/power_item/carry --data from=2026
expect_status 303 "the public cannot carry (sent to the login)"

# 5. Unknown pages: 404; wrong methods: 405 (in the face of the URL).
get /k/nosuchkind
expect_status 404 "unknown kind"
expect_contains "$BODY" '页面不存在'
get /k/service_item/abc
expect_status 404 "non-numeric id"
get /k/service_item/999999
expect_status 404 "missing record"
expect_contains "$BODY" '政务服务事项第999999号记录不存在'
get /nosuchpage
expect_status 404 "unknown page"
get /static/app.css
expect_status 200 "stylesheet"
expect_header '^Content-Type: text/css'
get /static/nope.css
expect_status 404 "unknown static file"
post /k/service_item
expect_status 405 "POST to a list"
expect_contains "$BODY" '不支持该请求方法'
req DELETE /k/service_item/1
expect_status 405 "DELETE on a web page"
req PUT /login
expect_status 405 "PUT /login"
api DELETE /api/v1/k/service_item
expect_status 405 "DELETE on an API list"
expect_header '^Content-Type: application/json' "API 405 is JSON"
api GET /api/v1/k/nosuchkind
expect_status 404 "API unknown kind"
expect_header '^Content-Type: application/json' "API 404 is JSON"
# HEAD is a GET without the body
req HEAD /login -I
expect_status 200 "HEAD /login"

# 6. Security headers on every answer.
get /k/service_item
expect_header '^X-Frame-Options: DENY'
expect_header '^X-Content-Type-Options: nosniff'
expect_header "^Content-Security-Policy: default-src 'self'"
expect_header '^Cache-Control: no-store'
get /k/nosuchkind
expect_header '^X-Frame-Options: DENY' "on a 404 too"

finish
