#!/bin/sh
# tests/http/066-scan.sh
# 扫码入企 over HTTP: the printable code of an enterprise encodes its scan
# page; anyone who scans sees this year's inspections of the enterprise;
# a 市场监管局 inspector logs one with a registered item and two valid
# certificates; an item of another department, a lapsed certificate or one
# officer twice are refused and nothing is written; at the yearly limit the
# page warns and logs only with a stated reason. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login shichang
api_login shichang

api_as shichang
api POST /api/v1/k/enterprise '{"credit_code":"91410621SCAN0000X1","name":"扫码测试餐馆","etype":"企业","industry":"餐饮服务","town":"城关镇","risk":"b","yearly_limit":2,"address":"城关镇人民路1号"}'
expect_status 201 "enterprise"
EID=$(json .id)
CODE=91410621SCAN0000X1
api POST /api/v1/k/officer '{"cert_no":"SC-1","name":"孟某","cert_type":"enforce","issued":"2024-01-02","expires":"2029-01-01"}'
api POST /api/v1/k/officer '{"cert_no":"SC-2","name":"杜某","cert_type":"enforce","issued":"2024-01-02","expires":"2029-01-01"}'
api POST /api/v1/k/officer '{"cert_no":"SC-OLD","name":"过期某","cert_type":"enforce","issued":"2020-01-02","expires":"2026-06-01"}'
ITEM=$(sql "SELECT it.id FROM inspection_item it, dept d WHERE d.id=it.dept_id AND d.name='示范县市场监督管理局' AND it.name='餐饮服务监督检查'")
OTHER=$(sql "SELECT it.id FROM inspection_item it, dept d WHERE d.id=it.dept_id AND d.name='示范县生态环境分局' LIMIT 1")
n_insp(){ sql "SELECT count(*) FROM inspection WHERE enterprise_id=$EID"; }

# 1. The printable code: an SVG QR code of this server's /scan/CODE.
as shichang
get "/k/enterprise/$EID"
expect_contains "$BODY" "href=\"/qr/$EID\"" "the enterprise links its code"
get "/qr/$EID"
expect_status 200 "QR page"
expect_contains "$BODY" '<svg class="qr"'
expect_contains "$BODY" "http://127.0.0.1:$PORT/scan/$CODE" "the code's address"
api_as shichang    # a cookie would follow the odd Host name; the token does not
get "/qr/$EID" -H "Authorization: Bearer $TOKEN" -H "Host: evil.example@x/y"
expect_status 200 "QR page asked for by a strange Host"
expect_contains "$BODY" "http://127.0.0.1/scan/$CODE" "a Host header that is not a plain host is not printed"
"$FAZHI" setting --db "$DB" public_url https://fazhi.example.gov.cn/ >/dev/null
expect_eq "$?" 0 "fazhi setting public_url"
"$FAZHI" setting --db "$DB" public_url 'javascript:alert(1)' 2>"$T/set.err"
expect_eq "$?" 2 "a public_url that is not http(s) is refused"
get "/qr/$EID"
expect_contains "$BODY" "https://fazhi.example.gov.cn/scan/$CODE" "the configured public address"
anon
get "/qr/$EID"
expect_status 303 "the printable code needs a login"

# 2. Anyone who scans sees the enterprise and its inspections, no form.
get "/scan/$CODE"
expect_status 200 "anonymous scan page"
expect_contains "$BODY" '扫码测试餐馆'
expect_contains "$BODY" '今年尚无入企检查。'
expect_contains "$BODY" "/login?next=/scan/$CODE"
expect_not_contains "$BODY" 'name="cert1"' "no logging form for the public"
get "/scan/91410621NOSUCHXXX"
expect_status 404 "an unknown code"
post "/scan/$CODE" --data-urlencode "item=$ITEM"
expect_status 303 "the public cannot log (sent to the login)"

# 3. Refusals name the field and write nothing.
as shichang
get "/scan/$CODE"
expect_contains "$BODY" 'name="cert1"' "the inspector sees the form"
expect_contains "$BODY" "<option value=\"$ITEM\">餐饮服务监督检查</option>" "the department's registered items"
expect_not_contains "$BODY" "<option value=\"$OTHER\">" "another department's items are not offered"
post_form "/scan/$CODE" item=$OTHER cert1=SC-1 cert2=SC-2 result=ok
expect_status 422 "another department's item"
expect_contains "$BODY" '「检查事项」：只能选择“示范县市场监督管理局”登记的涉企检查事项'
post_form "/scan/$CODE" item=$ITEM cert1=SC-1 cert2=SC-OLD result=ok
expect_status 422 "a lapsed certificate"
expect_contains "$BODY" '“SC-OLD”不是本部门执法证有效的在岗执法人员（有效期至为'
post_form "/scan/$CODE" item=$ITEM cert1=SC-1 cert2=SC-1 result=ok
expect_status 422 "one officer twice"
expect_contains "$BODY" '“SC-1”填写了两次：应当是2名不同的人员'
post_form "/scan/$CODE" item=$ITEM cert1=SC-1 cert2=SC-2
expect_status 422 "no result"
expect_contains "$BODY" '「检查结果」：状态为“已检查”时不能为空'
expect_eq "$(n_insp)" 0 "nothing written by the refusals"

# 4. Logged: the record, and the public page lists it.
post_form "/scan/$CODE" item=$ITEM cert1=SC-1 cert2=SC-2 result=ok note=后厨卫生良好
expect_status 303 "logged"
expect_eq "$(location)" "/scan/$CODE?msg=logged"
expect_eq "$(sql "SELECT way||'|'||state||'|'||assigned||'|'||checked||'|'||result||'|'||inspectors FROM inspection WHERE enterprise_id=$EID")" \
  "qr|done|2026-06-30|2026-06-30|ok|孟某（SC-1）、杜某（SC-2）" "the inspection as logged"
anon
get "/scan/$CODE"
expect_contains "$BODY" '<td data-l="日期">2026-06-30</td><td data-l="检查部门">示范县市场监督管理局</td><td data-l="方式">扫码入企</td><td data-l="检查事项">餐饮服务监督检查</td><td data-l="检查人员">孟某（SC-1）、杜某（SC-2）</td><td data-l="结果">未发现问题</td>' "the enterprise sees who came and why"

# 5. The yearly limit (2): the second is logged, the third warns and needs a stated reason.
as shichang
post_form "/scan/$CODE" item=$ITEM cert1=SC-2 cert2=SC-1 result=fixed
expect_status 303 "second inspection"
post_form "/scan/$CODE" item=$ITEM cert1=SC-2 cert2=SC-1 result=ok
expect_status 409 "third: over the limit"
expect_contains "$BODY" '本企业今年已被入企检查2次，已达到年度上限2次'
expect_contains "$BODY" 'name="over_reason"'
expect_eq "$(n_insp)" 2 "not logged without a reason"
post_form "/scan/$CODE" item=$ITEM cert1=SC-2 cert2=SC-1 result=ok over_reason=群众投诉需现场核查
expect_status 303 "logged with a reason"
expect_eq "$(n_insp)" 3
expect_eq "$(sql "SELECT over_reason FROM inspection WHERE enterprise_id=$EID ORDER BY id DESC LIMIT 1")" "群众投诉需现场核查" "the reason is stored"
finish
