#!/bin/sh
# tests/http/050-bad-input.sh
# Invalid values are refused with a Chinese message that names the field and
# the reason, shown beside the field on the form (class "err") or listed as
# {"errors":[{"row","field","label","message"}]} by the API; nothing is written.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server

login fuyi
api_login fuyi
n_recon(){ sql "SELECT count(*) FROM reconsideration"; }
N0=$(n_recon)
get "/k/reconsideration?year=all"
WEB0=$(list_total)
expect_eq "$WEB0" "$N0" "list total before"

# A valid 复议 case apart from the fields each test overrides.
ok_case(){
  post_form /k/reconsideration/new case_no=示复〔2026〕BAD-1号 applicant=张某 respondent=示范县公安局 \
    matter=penalty received=2026-06-01 procedure=ordinary "$@"
}

# 1. An impossible date: 422, the message inside the field's err element,
# what was typed kept in the input, nothing written.
ok_case received=2025-13-01
expect_status 422 "month 13"
expect_contains "$BODY" '<div class="err" id="e-received">日期格式应为YYYY-MM-DD，实际为“2025-13-01”</div>'
expect_contains "$BODY" 'name="received" value="2025-13-01"' "the typed date is kept"
expect_contains "$BODY" 'aria-invalid="true"'
expect_contains "$BODY" '请修改标红的1处后再保存。'
expect_contains "$BODY" 'value="张某"' "the other inputs are kept"
get "/k/reconsideration?year=all"
expect_eq "$(list_total)" "$WEB0" "list total unchanged after a bad date"
ok_case received=2025-02-29
expect_status 422 "29 February in a common year"
expect_contains "$BODY" '<div class="err" id="e-received">日期格式应为YYYY-MM-DD，实际为“2025-02-29”</div>'
ok_case received=明天
expect_status 422 "a word as a date"
expect_contains "$BODY" '日期格式应为YYYY-MM-DD'

# 2. A date after today.
ok_case received=2026-07-15
expect_status 422 "future date"
expect_contains "$BODY" '<div class="err" id="e-received">不能晚于今天（2026-06-30），实际为2026-07-15</div>'
# …but 有效期至 of a 规范性文件 may lie ahead.
post_form /k/normative_doc/new doc_no=示司规〔2026〕BAD1号 title=测试文件 published=2026-06-01 valid_until=2031-05-31
expect_status 303 "有效期至 in the future is fine"

# 3. Text too long (申请人: at most 100 characters; counted in characters).
LONG=$(printf '张%.0s' $(seq 1 101))
ok_case "applicant=$LONG"
expect_status 422 "101-character applicant"
expect_contains "$BODY" '<div class="err" id="e-applicant">长度不能超过100个字，实际101个字</div>'
ok_case "applicant=$(printf '张%.0s' $(seq 1 100))" case_no=示复〔2026〕LEN-100号
expect_status 303 "100 characters are allowed"
ok_case "applicant=$(printf '张\t某')" case_no=示复〔2026〕CTL-1号 "note=$(printf 'a\001b')"
expect_status 422 "control character"
expect_contains "$BODY" '<div class="err" id="e-note">含有不可见的控制字符（第2个字是U+0001）</div>'
# a one-line field takes no tab (a paste from a table); long text keeps it
expect_contains "$BODY" '<div class="err" id="e-applicant">含有制表符（第2个字是U+0009），此项只能填一行</div>'

# 4. A value not in the list: the message lists the allowed labels.
ok_case matter=行政诉讼
expect_status 422 "enum value not in the list"
expect_contains "$BODY" '<div class="err" id="e-matter">应为以下之一：行政处罚、行政强制、行政许可、政府信息公开、不履行法定职责、征收征用、行政确认、其他，实际为“行政诉讼”</div>'
ok_case extended=也许
expect_status 422 "bool value"
expect_contains "$BODY" '<div class="err" id="e-extended">应为“是”或“否”，实际为“也许”</div>'

# 5. Required fields, several errors at once.
post_form /k/reconsideration/new case_no= applicant= respondent=示范县公安局 matter=penalty received=2026-06-01 procedure=ordinary
expect_status 422 "required fields empty"
expect_contains "$BODY" '<div class="err" id="e-case_no">不能为空</div>'
expect_contains "$BODY" '<div class="err" id="e-applicant">不能为空</div>'
expect_contains "$BODY" '请修改标红的2处后再保存。'

# 6. Decided before accepted: the period cannot be met before it starts.
ok_case case_no=示复〔2026〕ORD-1号 accepted=2026-06-10 decided=2026-06-05 outcome=uphold
expect_status 422 "decided before accepted"
expect_contains "$BODY" '<div class="err" id="e-decided">不能早于「受理日期」（2026-06-10）</div>'
ok_case case_no=示复〔2026〕ORD-2号 accepted=2026-05-20
expect_status 422 "accepted before received"
expect_contains "$BODY" '不能早于「收到申请日期」（2026-06-01）'

# 7. A case number that exists already.
DUP=$(sql "SELECT case_no FROM reconsideration ORDER BY id LIMIT 1")
ok_case "case_no=$DUP"
expect_status 422 "duplicate case number"
expect_contains "$BODY" "<div class=\"err\" id=\"e-case_no\">“${DUP}”已存在，不能重复</div>"

# 8. Numbers and references (政务服务, as zhengwu).
login zhengwu
post_form /k/service_item/new code=BAD-ITEM-1 name=测试 category=license online=full max_visits=10 promised_days=三
expect_status 422 "integers out of range / not a number"
expect_contains "$BODY" '<div class="err" id="e-max_visits">应在0到9之间，实际为10</div>'
expect_contains "$BODY" '<div class="err" id="e-promised_days">应为整数，实际为“三”</div>'
post_form /k/service_case/new case_no=BAD-CASE-1 item_id=没有这个事项 applicant=王某 channel=online received=2026-06-01 limit_days=3
expect_status 422 "unknown referenced item"
expect_contains "$BODY" '<div class="err" id="e-item_id">找不到政务服务事项“没有这个事项”</div>'

# 9. An edit with a bad value changes nothing.
as fuyi
RID=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id LIMIT 1")
OLD=$(sql "SELECT received FROM reconsideration WHERE id=$RID")
post_form "/k/reconsideration/$RID/edit" received=2026-02-30
expect_status 422 "edit with a bad date"
expect_contains "$BODY" '<div class="err" id="e-received">日期格式应为YYYY-MM-DD，实际为“2026-02-30”</div>'
expect_contains "$BODY" "action=\"/k/reconsideration/$RID/edit\"" "the edit form is shown again"
expect_eq "$(sql "SELECT received FROM reconsideration WHERE id=$RID")" "$OLD" "record unchanged"

expect_eq "$(n_recon)" "$((N0+1))" "only the 100-character case was written"

# 10. The API: malformed JSON is a 400 with a JSON error in Chinese.
api POST /api/v1/k/reconsideration '{"case_no": "示复〔2026〕J1号", '
expect_status 400 "truncated JSON"
expect_header '^Content-Type: application/json' "JSON error"
expect_json '.error.code == 400 and .error.message == "请求体不是有效的JSON对象"'
api POST /api/v1/k/reconsideration '["case_no"]'
expect_status 400 "JSON array instead of object"
expect_json '.error.message == "请求体不是有效的JSON对象"'
api POST /api/v1/k/reconsideration ''
expect_status 400 "empty body"
api POST /api/v1/login '{"login":'
expect_status 400 "malformed JSON to login"
expect_json '.error.message == "请求体不是有效的JSON对象"'

# …and a validation error is a 422 listing every field.
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕J2号","applicant":"张某","respondent":"示范县公安局","matter":"行政诉讼","received":"2025-13-01","procedure":"ordinary"}'
expect_status 422 "API validation errors"
expect_json '(.errors | length) == 2'
expect_json '.errors[] | select(.field == "received") | .row == 0 and .label == "收到申请日期" and .message == "「收到申请日期」：日期格式应为YYYY-MM-DD，实际为“2025-13-01”"'
expect_json '.errors[] | select(.field == "matter") | .message | contains("应为以下之一：行政处罚、")'
api POST /api/v1/k/reconsideration "{\"case_no\":\"$DUP\",\"applicant\":\"张某\",\"respondent\":\"示范县公安局\",\"matter\":\"penalty\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\"}"
expect_status 422 "API duplicate"
expect_json ".errors == [{\"row\":0,\"field\":\"case_no\",\"label\":\"案号\",\"message\":\"「案号」：“${DUP}”已存在，不能重复\"}]"
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕J3号","applicant":"张某","respondent":"示范县公安局","matter":"penalty","received":"2026-06-01","procedure":"ordinary","accepted":"2026-06-03","decided":"2026-06-02"}'
expect_status 422 "API decided before accepted"
expect_json '.errors[0].field == "decided" and (.errors[0].message | contains("不能早于「受理日期」（2026-06-03）"))'
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕J4号","applicant":"张某","respondent":"示范县公安局","matter":"penalty","received":"2026-07-01","procedure":"ordinary"}'
expect_status 422 "API future date"
expect_json '.errors[0].message | contains("不能晚于今天（2026-06-30）")'
# An event date (发现日期) cannot lie ahead either, though the due date may.
api POST /api/v1/k/rectification '{"problem_no":"TZ-FUT-1","source":"法治督察","problem":"未公示","found":"2026-07-02","due":"2026-08-01"}'
expect_status 422 "API future 发现日期"
expect_json '.errors == [{"row":0,"field":"found","label":"发现日期","message":"「发现日期」：不能晚于今天（2026-06-30），实际为2026-07-02"}]'
api PUT "/api/v1/k/reconsideration/$RID" '{"received":"2026-02-30"}'
expect_status 422 "API edit with a bad date"
expect_eq "$(sql "SELECT received FROM reconsideration WHERE id=$RID")" "$OLD" "record unchanged by the API"
expect_eq "$(n_recon)" "$((N0+1))" "nothing written by the API errors"

# 11. Import: an unknown department is named with its row.
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县宇宙局,示复〔2026〕IMP-1号,甲,乙,其他,2026-06-01,普通程序\n' >"$T/dept.csv"
as fuyi
post_file /k/reconsideration/import "$T/dept.csv"
expect_status 422 "import with an unknown department"
expect_contains "$BODY" '第2行「所属部门」：未知部门“示范县宇宙局”'
expect_contains "$BODY" '未写入任何数据'
expect_not_contains "$BODY" '第2行「所属部门」：不能为空' "a filled-in but unknown department is also reported as empty"
# An unknown column and a missing required one are named too.
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,颜色\n示范县司法局,示复〔2026〕IMP-2号,甲,乙,其他,2026-06-01,红\n' >"$T/cols.csv"
post_file /k/reconsideration/import "$T/cols.csv"
expect_status 422 "import with an unknown column"
expect_contains "$BODY" '无法识别的列“颜色”（第7列）'
expect_contains "$BODY" '第1行「审理程序」：缺少必填列'
expect_eq "$(n_recon)" "$((N0+1))" "nothing imported"

# 12. A JSON object or array where a text is expected is refused, not stored
# as a placeholder text.
N1=$(n_recon)
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕J5号","applicant":{"name":"张某"},"respondent":"示范县公安局","matter":"penalty","received":"2026-06-01","procedure":"ordinary"}'
expect_status 422 "API object as a text value"
expect_json '.errors | any(.field == "applicant")' "the error names 申请人"
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕J6号","applicant":"张某","respondent":["示范县公安局"],"matter":"penalty","received":"2026-06-01","procedure":"ordinary"}'
expect_status 422 "API array as a text value"
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE applicant='（不支持的值类型）' OR respondent='（不支持的值类型）'")" 0 "no placeholder text stored"
expect_eq "$(n_recon)" "$N1" "nothing written for object/array values"

# 13. Markup typed into a field is stored as typed and shown as text
# everywhere (detail, list, edit form, title), never as markup.
as fuyi
post_form /k/reconsideration/new 'case_no=示复〔2026〕<b>X</b>号' 'applicant=<script>alert(1)</script>' \
  'respondent=示范县"公安局" onmouseover="alert(2)' matter=penalty received=2026-06-01 procedure=ordinary
expect_status 303 "a case with markup in its text"
XID=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
expect_eq "$(sql "SELECT applicant FROM reconsideration WHERE id=$XID")" '<script>alert(1)</script>' "stored as typed"
get "/k/reconsideration/$XID"
expect_contains "$BODY" '<td class="">&lt;script&gt;alert(1)&lt;/script&gt;</td>' "detail escapes <script>"
expect_contains "$BODY" '<title>行政复议：示复〔2026〕&lt;b&gt;X&lt;/b&gt;号 - ' "title escapes markup"
expect_not_contains "$BODY" '<script>alert' "raw script on the detail page"
expect_not_contains "$BODY" '" onmouseover="' "an attribute breaks out on the detail page"
get "/k/reconsideration/$XID/edit"
expect_contains "$BODY" 'value="示范县&quot;公安局&quot; onmouseover=&quot;alert(2)"' "edit form escapes quotes in values"
get "/k/reconsideration?year=all" -G --data-urlencode 'f_applicant=<script>'
expect_contains "$BODY" '共 1 条' "the list finds it by the typed text"
expect_contains "$BODY" 'value="&lt;script&gt;"' "the query form escapes the search text"
expect_not_contains "$BODY" '<script>alert' "raw script in the list"
api GET "/api/v1/k/reconsideration/$XID"
expect_json '.fields.applicant == "<script>alert(1)</script>"' "the API returns the text as stored"
# Search text is a value, never SQL.
api_get /api/v1/k/reconsideration -G --data-urlencode year=all --data-urlencode "f_case_no=' OR 1=1 --"
expect_json '.total == 0' "a quote in a search is just a character"
api_get /api/v1/k/reconsideration -G --data-urlencode year=all --data-urlencode "sort=id;DROP TABLE audit" --data-urlencode size=1
expect_status 200 "an unknown sort column is ignored"
expect_eq "$(sql "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM audit")" 1 "audit table still there"

finish
