#!/bin/sh
# tests/http/130-rules.sh
# Issue 13 §4 and §5: the 扫码入企 rules hold on every path, and counties
# sharing one database each keep their own unique values.
# - Through the form, the API and a CSV import, an inspection naming
#   another department's item, inspectors who are not the department's
#   on-duty officers with a certificate valid on the day (free text, a
#   lapsed certificate, one officer twice, another department's officer,
#   one who recuses the enterprise) or way=扫码入企 is refused with a
#   Chinese message naming the field (and the row), and nothing is
#   written; an edit cannot bring them in.
# - The enterprise's yearly limit is crossed on each path only with
#   「超过年度上限的理由」, which is then stored and shown.
# - A second county (fazhi init on the same database) gets its admin's
#   one-time password printed, and it logs in; that county's clerk cannot
#   find or use the first county's enterprise, whose public page and
#   limit stay as they were.
# - County B may use the credit code, item code and case number county A
#   has (also by `fazhi migrate`); within one county a value is still
#   unique, in the database itself, and a refusal names no other record.
# - An older database (one UNIQUE index over every county) is migrated at
#   start-up. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login shichang
api_login shichang

api_as shichang
api POST /api/v1/k/enterprise '{"credit_code":"91410621RULE0000X1","name":"规则测试餐馆","etype":"企业","industry":"餐饮服务","town":"城关镇","risk":"b","yearly_limit":1}'
expect_status 201 "enterprise with a yearly limit of 1"
EID=$(json .id)
CODE=91410621RULE0000X1
for o in "RU-1 孟某 enforce 2029-01-01" "RU-2 杜某 enforce 2029-01-01" "RU-OLD 过期某 enforce 2026-06-01" "RU-SUP 监督某 supervise 2029-01-01"; do
  set -- $o
  api POST /api/v1/k/officer "{\"cert_no\":\"$1\",\"name\":\"$2\",\"cert_type\":\"$3\",\"issued\":\"2024-01-02\",\"expires\":\"$4\"}"
  expect_status 201 "officer $1"
done
api POST /api/v1/k/officer "{\"cert_no\":\"RU-REC\",\"name\":\"回避某\",\"cert_type\":\"enforce\",\"issued\":\"2024-01-02\",\"expires\":\"2029-01-01\",\"recuse\":\"$CODE\"}"
expect_status 201 "officer RU-REC, who recuses the enterprise"
ITEM=$(sql "SELECT it.item_no FROM inspection_item it, dept d WHERE d.id=it.dept_id AND d.name='示范县市场监督管理局' AND it.state='active' ORDER BY it.id LIMIT 1")
OTHER=$(sql "SELECT it.item_no FROM inspection_item it, dept d WHERE d.id=it.dept_id AND d.name='示范县生态环境分局' ORDER BY it.id LIMIT 1")
ITEMID=$(sql "SELECT id FROM inspection_item WHERE item_no='$ITEM'")
OTHERID=$(sql "SELECT id FROM inspection_item WHERE item_no='$OTHER'")
ALIEN=$(sql "SELECT o.cert_no FROM officer o, dept d WHERE d.id=o.dept_id AND d.name<>'示范县市场监督管理局' AND o.state='active' AND o.cert_type='enforce' AND o.expires>'2026-12-31' ORDER BY o.id LIMIT 1")
expect_ne "$ALIEN" "" "an on-duty officer of another department"
n_insp(){ sql "SELECT count(*) FROM inspection WHERE enterprise_id=$EID"; }

# 1. The form refuses each broken rule, naming the field; nothing is written.
as shichang
NF=0
form(){   # form ITEM INSPECTORS WAY [over_reason]
  NF=$((NF+1))
  post_form /k/inspection/new "insp_no=RF-$NF" "enterprise_id=$EID" "way=$3" "item=$1" "inspectors=$2" \
    assigned=2026-06-20 "over_reason=${4:-}"
}
form "$OTHERID" "RU-1、RU-2" 日常检查
expect_status 422 "form: another department's item"
expect_contains "$BODY" '只能选择“示范县市场监督管理局”登记的涉企检查事项；所选的不是本部门的，不能使用'
form "$ITEMID" "张三、李四" 日常检查
expect_status 422 "form: free-text inspectors"
expect_contains "$BODY" '“张三”不是本部门执法证有效的在岗执法人员（行政执法人员中没有此人）'
form "$ITEMID" "孟某（RU-1）、过期某（RU-OLD）" 日常检查
expect_status 422 "form: a certificate lapsed before the day"
expect_contains "$BODY" '“RU-OLD”不是本部门执法证有效的在岗执法人员（有效期至为2026-06-01，2026-06-20时已过期）'
form "$ITEMID" "RU-1、RU-SUP" 日常检查
expect_status 422 "form: a supervision certificate is not an enforcement one"
expect_contains "$BODY" '“RU-SUP”不是本部门执法证有效的在岗执法人员（不持有行政执法证）'
form "$ITEMID" "RU-1、RU-1" 日常检查
expect_status 422 "form: one officer twice"
expect_contains "$BODY" '“RU-1”填写了两次：应当是2名不同的人员'
form "$ITEMID" "RU-1" 日常检查
expect_status 422 "form: one officer only"
expect_contains "$BODY" '至少需要2名不同的本部门执法证有效的在岗执法人员'
form "$ITEMID" "RU-1、$ALIEN" 日常检查
expect_status 422 "form: another department's officer"
expect_contains "$BODY" "“$ALIEN”不是本部门执法证有效的在岗执法人员（不是本部门的人员）"
form "$ITEMID" "RU-1、RU-REC" 日常检查
expect_status 422 "form: an officer who recuses the enterprise"
expect_contains "$BODY" '“RU-REC”已申报与检查对象有利害关系，应当回避'
form "$ITEMID" "RU-1、RU-2" 扫码入企
expect_status 422 "form: way=qr outside the scan page"
expect_contains "$BODY" '“扫码入企”只能在扫描企业二维码打开的扫码入企页面登记'
expect_eq "$(n_insp)" 0 "nothing written by the form's refusals"
form "$ITEMID" "RU-1、杜某（RU-2）" 日常检查
expect_status 303 "form: a valid inspection"
expect_eq "$(sql "SELECT inspectors FROM inspection WHERE enterprise_id=$EID")" "孟某（RU-1）、杜某（RU-2）" "inspectors stored as 姓名（证号）"
FIRST=$(sql "SELECT id FROM inspection WHERE enterprise_id=$EID")
# at the limit (1): the form asks for a reason, and takes the one given
form "$ITEMID" "RU-1、RU-2" 日常检查
expect_status 422 "form: over the limit without a reason"
expect_contains "$BODY" '检查对象在2026年已有1条涉企检查记录，达到年度上限1次'
expect_eq "$(n_insp)" 1 "not written without a reason"
form "$ITEMID" "RU-1、RU-2" 日常检查 "举报线索需现场核实（表单）"
expect_status 303 "form: over the limit with a reason"
expect_eq "$(sql "SELECT over_reason FROM inspection WHERE enterprise_id=$EID ORDER BY id DESC LIMIT 1")" "举报线索需现场核实（表单）" "the form's reason is stored"
get "$(location)"
expect_contains "$BODY" '举报线索需现场核实（表单）' "…and shown on the record's page"

# an edit cannot bring a broken rule in
post_form "/k/inspection/$FIRST/edit" "inspectors=张三、李四"
expect_status 422 "edit: free-text inspectors"
post_form "/k/inspection/$FIRST/edit" "way=扫码入企"
expect_status 422 "edit: way changed to qr"
post_form "/k/inspection/$FIRST/edit" "item=$OTHERID"
expect_status 422 "edit: another department's item"
post_form "/k/inspection/$FIRST/edit" "note=复查"
expect_status 303 "edit of another field still works"

# a plan's 联合部门 only with 联合抽查 = 是 (the draw alone checked it, when fixing the pools)
api_as shichang
api POST /api/v1/k/inspection_plan "{\"plan_no\":\"SJ-RULE-1\",\"title\":\"联合\",\"item\":\"$ITEM\",\"joint\":false,\"partners\":\"示范县生态环境分局\",\"ratio_a\":5,\"ratio_b\":5,\"ratio_c\":5,\"ratio_d\":5,\"team_size\":2,\"source\":\"福彩3D\",\"planned\":\"2026-07-01\"}"
expect_status 422 "a plan naming partners without 联合抽查"
expect_json 'any(.errors[]; .field == "partners" and .message == "「联合部门」：填写了本项时，「联合抽查」应为“是”")'
api POST /api/v1/k/inspection_plan "{\"plan_no\":\"SJ-RULE-2\",\"title\":\"联合\",\"item\":\"$OTHER\",\"ratio_a\":5,\"ratio_b\":5,\"ratio_c\":5,\"ratio_d\":5,\"team_size\":2,\"source\":\"福彩3D\",\"planned\":\"2026-07-01\"}"
expect_status 422 "a plan naming another department's item"

# 2. The API.
api_as shichang
apiins(){   # apiins ITEM INSPECTORS WAY [over_reason]
  _r=""; [ -n "${4:-}" ] && _r=",\"over_reason\":\"$4\""
  NF=$((NF+1))
  api POST /api/v1/k/inspection "{\"insp_no\":\"RA-$NF\",\"enterprise_id\":$EID,\"way\":\"$3\",\"item\":\"$1\",\"inspectors\":\"$2\",\"assigned\":\"2026-06-21\"$_r}"
}
apiins "$OTHER" "RU-1、RU-2" 日常检查
expect_status 422 "API: another department's item"
expect_json 'any(.errors[]; .field == "item" and (.message | contains("只能选择")))'
apiins "$ITEM" "张三、李四" 日常检查
expect_status 422 "API: free-text inspectors"
expect_json 'any(.errors[]; .field == "inspectors" and (.message | contains("张三")))'
apiins "$ITEM" "RU-1、RU-OLD" 日常检查
expect_status 422 "API: a lapsed certificate"
apiins "$ITEM" "RU-2、RU-2" 日常检查
expect_status 422 "API: one officer twice"
apiins "$ITEM" "RU-1、$ALIEN" 日常检查
expect_status 422 "API: another department's officer"
apiins "$ITEM" "RU-REC、RU-2" 日常检查
expect_status 422 "API: an officer who recuses the enterprise"
apiins "$ITEM" "RU-1、RU-2" qr
expect_status 422 "API: way=qr"
expect_json 'any(.errors[]; .field == "way" and (.message | contains("扫码入企")))'
apiins "$ITEM" "RU-1、RU-2" 日常检查
expect_status 422 "API: over the limit without a reason"
expect_json 'any(.errors[]; .field == "over_reason" and .label == "超过年度上限的理由")'
expect_eq "$(n_insp)" 2 "nothing written by the API's refusals"
apiins "$ITEM" "RU-1、RU-2" 日常检查 "专项整治统一部署（接口）"
expect_status 201 "API: over the limit with a reason"
expect_eq "$(sql "SELECT over_reason FROM inspection WHERE enterprise_id=$EID ORDER BY id DESC LIMIT 1")" "专项整治统一部署（接口）" "the API's reason is stored"
OVER=$(json .id)
api PUT "/api/v1/k/inspection/$OVER" '{"over_reason":null}'
expect_status 422 "API edit: the reason for crossing the cap cleared"
expect_json 'any(.errors[]; .field == "over_reason")'
# a certificate valid on the first date, lapsed on the date it is changed to
api POST /api/v1/k/inspection "{\"insp_no\":\"RD-1\",\"enterprise_id\":$EID,\"way\":\"日常检查\",\"item\":\"$ITEM\",\"inspectors\":\"RU-1、RU-OLD\",\"assigned\":\"2026-05-20\",\"over_reason\":\"证件有效期内\"}"
expect_status 201 "API: RU-OLD while the certificate was valid"
RD=$(json .id)
api PUT "/api/v1/k/inspection/$RD" '{"assigned":"2026-06-20"}'
expect_status 422 "API edit: the date moved past the certificate's expiry"
expect_json 'any(.errors[]; .field == "inspectors" and (.message | contains("RU-OLD")))'
expect_eq "$(sql "SELECT assigned FROM inspection WHERE id=$RD")" "2026-05-20" "…the date as it was"
api PUT "/api/v1/k/inspection/$FIRST" '{"way":"qr"}'
expect_status 422 "API edit: way changed to qr"

# 3. A CSV import through the web: errors name row and field; nothing is written.
HEAD='所属部门,检查编号,检查对象,检查方式,检查事项,检查人员,下达日期,超过年度上限的理由'
printf '%s\n' "$HEAD" \
  "示范县市场监督管理局,RI-1,$CODE,日常检查,$OTHER,RU-1、RU-2,2026-06-22," \
  "示范县市场监督管理局,RI-2,$CODE,扫码入企,$ITEM,RU-1、RU-2,2026-06-22," \
  "示范县市场监督管理局,RI-3,$CODE,日常检查,$ITEM,张三、李四,2026-06-22," \
  "示范县市场监督管理局,RI-4,$CODE,日常检查,$ITEM,RU-1、RU-2,2026-06-22," >"$T/bad.csv"
as shichang
post_file /k/inspection/import "$T/bad.csv"
expect_contains "$BODY" '第2行「检查事项」：只能选择' "import: another department's item, by row"
expect_contains "$BODY" '第3行「检查方式」：“扫码入企”只能在' "import: way=qr, by row"
expect_contains "$BODY" '第4行「检查人员」：“张三”不是本部门执法证有效的在岗执法人员' "import: free text, by row"
expect_contains "$BODY" '第5行「超过年度上限的理由」：' "import: over the limit without a reason, by row"
expect_eq "$(n_insp)" 4 "nothing imported"
printf '%s\n' "$HEAD" "示范县市场监督管理局,RI-5,$CODE,日常检查,$ITEM,RU-1、RU-2,2026-06-22,联合执法需要（导入）" >"$T/good.csv"
post_file /k/inspection/import "$T/good.csv"
expect_eq "$(n_insp)" 5 "import: over the limit with a reason"
expect_eq "$(sql "SELECT over_reason||'|'||inspectors FROM inspection WHERE insp_no='RI-5'")" "联合执法需要（导入）|孟某（RU-1）、杜某（RU-2）" "the import's reason is stored"
# the command line's import is held to the same rules
printf '%s\n' "$HEAD" "示范县市场监督管理局,RI-6,$CODE,扫码入企,$ITEM,RU-1、RU-2,2026-06-22,x" >"$T/cli.csv"
"$FAZHI" import --db "$DB" inspection "$T/cli.csv" >"$T/cli.out" 2>&1
expect_ne "$?" 0 "fazhi import: way=qr refused"
expect_contains "$T/cli.out" '第2行「检查方式」' "fazhi import names the row and field"
expect_eq "$(n_insp)" 5 "nothing imported by the command line"
# the yearly cap counts the rows of the same import (PostgreSQL holds them in its COPY buffer)
api_as shichang
api POST /api/v1/k/enterprise '{"credit_code":"91410621RULE0000X2","name":"规则测试二号店","etype":"企业","industry":"餐饮服务","town":"城关镇","risk":"b","yearly_limit":1}'
expect_status 201 "a second enterprise with a yearly limit of 1"
EID2=$(json .id)
printf '%s\n' "$HEAD" "示范县市场监督管理局,RC-1,91410621RULE0000X2,日常检查,$ITEM,RU-1、RU-2,2026-06-22," \
  "示范县市场监督管理局,RC-2,91410621RULE0000X2,日常检查,$ITEM,RU-1、RU-2,2026-06-23," \
  "示范县市场监督管理局,RC-3,91410621RULE0000X2,日常检查,$ITEM,RU-1、RU-2,2026-06-24," >"$T/cap.csv"
"$FAZHI" import --db "$DB" inspection "$T/cap.csv" >"$T/cap.out" 2>&1
expect_ne "$?" 0 "three inspections of one enterprise with a cap of 1, no reason: refused"
expect_contains "$T/cap.out" '第3行「超过年度上限的理由」：' "…naming the second row over the cap"
expect_contains "$T/cap.out" '第4行「超过年度上限的理由」：' "…and the third"
expect_not_contains "$T/cap.out" '第2行' "…but not the first, within the cap"
expect_eq "$(sql "SELECT count(*) FROM inspection WHERE enterprise_id=$EID2")" 0 "…and nothing is imported"

# 4. A second county in the same database: its admin's password is printed and works.
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "fazhi init of a second county"
expect_contains "$T/init.out" '已在数据库中新增县：乙县'
YPW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
expect_ne "$YPW" "" "the second county's admin gets a one-time password"
first_login yadmin "$YPW" Yadmin-Pass-2026x    # a one-time password is changed first
YPW=Yadmin-Pass-2026x
expect_contains "$BODY" '乙县' "the second county's admin logs in with it"
"$FAZHI" user --db "$DB" add yclerk 乙县录入员 clerk 乙县司法局 >"$T/user.out" 2>&1
first_login yclerk "$(sed -n 's/.*一次性密码：//p' "$T/user.out")" Yclerk-Pass-2026x
YCPW=Yclerk-Pass-2026x
api_login yadmin "$YPW"
api_login yclerk "$YCPW"
api_as yclerk
N_BEFORE=$(n_insp)
api POST /api/v1/k/inspection "{\"insp_no\":\"YX-1\",\"enterprise_id\":$EID,\"way\":\"日常检查\",\"item\":\"$ITEM\",\"inspectors\":\"RU-1、RU-2\",\"assigned\":\"2026-06-21\",\"over_reason\":\"x\"}"
expect_status 422 "county B cannot use county A's enterprise by id"
expect_not_contains "$BODY" '规则测试餐馆' "…and learns nothing of it"
api POST /api/v1/k/inspection "{\"insp_no\":\"YX-2\",\"enterprise_id\":\"$CODE\",\"way\":\"日常检查\",\"item\":\"$ITEM\",\"inspectors\":\"RU-1、RU-2\",\"assigned\":\"2026-06-21\"}"
expect_status 422 "…nor by its credit code"
expect_json 'any(.errors[]; .field == "enterprise_id" and (.message | contains("找不到")))'
expect_eq "$(n_insp)" "$N_BEFORE" "county A's enterprise: no inspection added, its limit unaffected"
# the same plan number in both counties: `fazhi draw` names no plan by it
PNO=$(sql "SELECT plan_no FROM inspection_plan ORDER BY id LIMIT 1")
PA=$(sql "SELECT id FROM inspection_plan WHERE plan_no='$PNO'")
YROOT=$(sql "SELECT id FROM dept WHERE name='乙县'")
YDEPT=$(sql "SELECT id FROM dept WHERE name='乙县司法局'")
sql "INSERT INTO inspection_plan(dept_id, state, created_at, updated_at, plan_no, title, unit_id)
     VALUES($YDEPT, 'draft', '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z', '$PNO', '乙县同号计划', $YROOT)" >/dev/null
PB=$(sql "SELECT id FROM inspection_plan WHERE plan_no='$PNO' AND unit_id=$YROOT")
"$FAZHI" draw --db "$DB" "$PNO" verify >"$T/draw.out" 2>&1
expect_eq "$?" 1 "fazhi draw with a plan number two counties use: refused"
expect_contains "$T/draw.out" "计划编号“$PNO”有2个县（区）在用" "…saying so"
expect_contains "$T/draw.out" "乙县（第${PB}号）" "…naming the other county's plan"
expect_contains "$T/draw.out" "（第${PA}号）" "…and this county's"
"$FAZHI" draw --db "$DB" "$PA" verify >"$T/draw.out" 2>&1
expect_eq "$?" 0 "…while the plan's own number works: $(cat "$T/draw.out")"
sql "DELETE FROM inspection_plan WHERE id=$PB" >/dev/null
anon
get "/scan/$CODE"
expect_not_contains "$BODY" '乙县' "its public page shows nothing of county B"

# 5. Unique values are each county's own.
api_as yadmin
api POST /api/v1/k/enterprise "{\"credit_code\":\"$CODE\",\"name\":\"乙县同码商店\",\"etype\":\"企业\",\"industry\":\"批发零售\",\"town\":\"乙县城区\",\"risk\":\"a\",\"yearly_limit\":0}"
expect_status 201 "county B uses county A's credit code"
api POST /api/v1/k/enterprise "{\"credit_code\":\"$CODE\",\"name\":\"乙县同码二号\",\"etype\":\"企业\",\"industry\":\"批发零售\",\"town\":\"乙县城区\",\"risk\":\"a\",\"yearly_limit\":0}"
expect_status 422 "the same credit code twice within county B"
expect_json ".errors[0].message == \"「统一社会信用代码」：“$CODE”已存在，不能重复\""
expect_not_contains "$BODY" '规则测试餐馆' "the refusal names no record"
api POST /api/v1/k/inspection_item "{\"item_no\":\"$ITEM\",\"name\":\"乙县同码事项\",\"itype\":\"日常检查\",\"basis\":\"依据\"}"
expect_status 201 "county B uses county A's item code"
CASE=$(sql "SELECT case_no FROM reconsideration ORDER BY id LIMIT 1")
api POST /api/v1/k/reconsideration "{\"case_no\":\"$CASE\",\"applicant\":\"甲\",\"respondent\":\"乙\",\"matter\":\"其他\",\"received\":\"2026-06-01\",\"procedure\":\"普通程序\"}"
expect_status 201 "county B uses county A's case number"
api POST /api/v1/k/reconsideration "{\"case_no\":\"$CASE\",\"applicant\":\"丙\",\"respondent\":\"丁\",\"matter\":\"其他\",\"received\":\"2026-06-01\",\"procedure\":\"普通程序\"}"
expect_status 422 "…but not twice"
api_as shichang
api POST /api/v1/k/enterprise "{\"credit_code\":\"$CODE\",\"name\":\"甲县重码\",\"etype\":\"企业\",\"industry\":\"批发零售\",\"town\":\"城关镇\",\"risk\":\"a\",\"yearly_limit\":0}"
expect_status 422 "county A still refuses its own duplicate"
# the database itself holds the rule (two servers cannot both write one)
sql "INSERT INTO enterprise(dept_id, state, created_at, updated_at, credit_code, name, etype, industry, town, risk, yearly_limit, unit_id)
     SELECT dept_id, state, created_at, updated_at, credit_code, '重复', etype, industry, town, risk, yearly_limit, unit_id FROM enterprise WHERE id=$EID" >"$T/dup.out" 2>&1
expect_ne "$?" 0 "a duplicate within one county is refused by the database's unique index"
expect_eq "$(sql "SELECT count(*) FROM enterprise WHERE credit_code='$CODE'")" 2 "one per county"
# two servers, eight writers at once, one new code in county B: exactly one is written
start_second_server
api_as yadmin
i=0
RACE=
while [ $i -lt 8 ]; do
  if [ $((i % 2)) = 0 ]; then _b=$BASE1; else _b=$BASE2; fi
  curl -s -o "$T/race.$i" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary '{"credit_code":"91410621RACE0000X1","name":"并发商店","etype":"企业","industry":"批发零售","town":"乙县城区","risk":"a","yearly_limit":0}' \
    "$_b/api/v1/k/enterprise" >"$T/race.status.$i" &
  RACE="$RACE $!"
  i=$((i+1))
done
wait $RACE      # the writers only: the servers are children too
expect_eq "$(cat "$T"/race.status.* | tr -d '\n' | grep -o 201 | wc -l | tr -d ' ')" 1 "one of eight simultaneous writers through two servers succeeds"
expect_eq "$(cat "$T"/race.status.* | tr -d '\n' | grep -o 422 | wc -l | tr -d ' ')" 7 "…the others get 422"
expect_eq "$(sql "SELECT count(*) FROM enterprise WHERE credit_code='91410621RACE0000X1'")" 1 "one row"
on_server 1
# each county's inspector finds their own enterprise by the code
login yclerk "$YCPW"
get "/scan/$CODE"
expect_contains "$BODY" '乙县同码商店' "county B's scan page is its own enterprise"
# a shared code's printed QR says which enterprise; the public sees that one
YEID=$(sql "SELECT id FROM enterprise WHERE credit_code='$CODE' AND name='乙县同码商店'")
login yadmin "$YPW"
get "/qr/$YEID"
expect_contains "$BODY" "/scan/$CODE?e=$YEID" "the QR code of a shared credit code names its enterprise"
as shichang
get "/qr/$EID"
expect_contains "$BODY" "/scan/$CODE?e=$EID" "…on both sides"
anon
get "/scan/$CODE?e=$YEID"
expect_contains "$BODY" '乙县同码商店' "the public scanning county B's code sees county B's enterprise"
expect_not_contains "$BODY" '规则测试餐馆'
get "/scan/$CODE?e=$EID"
expect_contains "$BODY" '规则测试餐馆' "…and county A's code county A's"

# 6. `fazhi migrate` of a third county whose case number county A has.
{
  C3=$T/c3.db
  "$FAZHI" init --db "$C3" --county 丙县 --admin cadmin >/dev/null 2>&1
  printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n丙县司法局,%s,甲,乙,其他,2026-06-01,普通程序\n' "$CASE" >"$T/c3.csv"
  "$FAZHI" import --db "$C3" reconsideration "$T/c3.csv" >/dev/null 2>&1
  "$FAZHI" migrate --from "$C3" --to "$DB" --login-prefix c3- >"$T/m.out" 2>&1
  expect_eq "$?" 0 "migrate: a county with a clashing case number goes through"
  expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE case_no='$CASE'")" 3 "the case number in three counties"
  # text stored before the checks, not UTF-8 at all: refused in Chinese, naming kind, id and field
  C4=$T/c4.db
  "$FAZHI" init --db "$C4" --county 丁县 --admin dadmin >/dev/null 2>&1
  printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n丁县司法局,丁复-1,甲,乙,其他,2026-06-01,普通程序\n' >"$T/c4.csv"
  "$FAZHI" import --db "$C4" reconsideration "$T/c4.csv" >/dev/null 2>&1
  R4=$(sqlite3 "$C4" "SELECT id FROM reconsideration WHERE case_no='丁复-1'")
  sqlite3 "$C4" "UPDATE reconsideration SET applicant=CAST(X'E794B2E5BC' AS TEXT) WHERE id=$R4"
  N4=$(sql "SELECT count(*) FROM dept")
  "$FAZHI" migrate --from "$C4" --to "$DB" --login-prefix c4- >"$T/m4.out" 2>&1
  expect_ne "$?" 0 "migrate: a county with malformed text is refused"
  expect_contains "$T/m4.out" "源数据库中行政复议第${R4}号记录的“申请人”含有无效字符" "…naming kind, id and field"
  expect_eq "$(sql "SELECT count(*) FROM dept")" "$N4" "…and nothing moves"
}

# 7. An older database: one UNIQUE index over the whole database, no unit_id.
api_as yadmin
api DELETE "/api/v1/k/enterprise/$(sql "SELECT id FROM enterprise WHERE credit_code='$CODE' AND name='乙县同码商店'")"
expect_status 200 "county B deletes its enterprise (an older database could not hold both)"
stop_server
sql "DROP INDEX enterprise__unit__credit_code; DROP INDEX enterprise__credit_code;" >/dev/null
sql "ALTER TABLE enterprise DROP COLUMN unit_id" >/dev/null
sql "CREATE UNIQUE INDEX enterprise__credit_code ON enterprise(credit_code)" >/dev/null
_spawn_server server
expect_eq "$(sql "SELECT count(*) FROM enterprise WHERE unit_id IS NULL")" 0 "start-up fills unit_id of an older table"
expect_eq "$(sql "SELECT count(*) FROM enterprise e, dept d WHERE d.id=e.dept_id AND d.name LIKE '乙县%' AND e.unit_id<>(SELECT id FROM dept WHERE name='乙县')")" 0 "…with each record's county"
api_as yadmin
api POST /api/v1/k/enterprise "{\"credit_code\":\"$CODE\",\"name\":\"乙县同码商店\",\"etype\":\"企业\",\"industry\":\"批发零售\",\"town\":\"乙县城区\",\"risk\":\"a\",\"yearly_limit\":0}"
expect_status 201 "after the upgrade county B may use county A's credit code"
api POST /api/v1/k/enterprise "{\"credit_code\":\"$CODE\",\"name\":\"乙县同码二号\",\"etype\":\"企业\",\"industry\":\"批发零售\",\"town\":\"乙县城区\",\"risk\":\"a\",\"yearly_limit\":0}"
expect_status 422 "…once"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
finish
