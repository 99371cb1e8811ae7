#!/bin/sh
# tests/http/020-permissions.sh
# Department scope and roles: a clerk sees and changes only the records of
# their own department subtree; the leader reads everything and changes
# nothing; the county admin sees the whole county; admin-only transitions.
. "$(dirname "$0")/lib.sh"
start_server

# Demo departments (src/app/demo.c): 1 示范县, 2 司法局, 3 政务服务和大数据管理局,
# 4 市场监督管理局, … Look the ids up instead of assuming them.
D_ZHENGWU=$(sql "SELECT id FROM dept WHERE name='示范县政务服务和大数据管理局'")
D_SHICHANG=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
N_ITEM_ZHENGWU=$(sql "SELECT count(*) FROM service_item WHERE dept_id=$D_ZHENGWU")
N_CASE_SHICHANG=$(sql "SELECT count(*) FROM service_case WHERE dept_id=$D_SHICHANG")
N_CASE_ALL=$(sql "SELECT count(*) FROM service_case")
CASE_ZW=$(sql "SELECT id FROM service_case WHERE dept_id=$D_ZHENGWU ORDER BY id LIMIT 1")
CASE_ZW_NO=$(sql "SELECT case_no FROM service_case WHERE id=$CASE_ZW")
ITEM_ZW=$(sql "SELECT id FROM service_item WHERE dept_id=$D_ZHENGWU ORDER BY id LIMIT 1")
ITEM_ZW_NAME=$(sql "SELECT name FROM service_item WHERE id=$ITEM_ZW")
check "demo data has zhengwu items and shichang cases" \
  test "$N_ITEM_ZHENGWU" -gt 0 -a "$N_CASE_SHICHANG" -gt 0

# 1. fuyi (司法局) has no service items in scope: 共 0 条, also through the API.
login fuyi
get /k/service_item
expect_status 200 "fuyi service_item list"
expect_contains "$BODY" '共 0 条' "fuyi sees no service items"
expect_contains "$BODY" '暂无数据'
api_login fuyi
api GET "/api/v1/k/service_item?size=1"
expect_json '.total == 0' "fuyi API service_item total"

# 2. …and cannot open another department's 办件 (404, in Chinese), while its
# own clerk can.
get "/k/service_case/$CASE_ZW"
expect_status 404 "fuyi opens a 政务服务局 办件"
expect_contains "$BODY" "办件第${CASE_ZW}号记录不存在，或不在您的数据权限范围内"
expect_not_contains "$BODY" "$CASE_ZW_NO" "the case number leaks"
api GET "/api/v1/k/service_case/$CASE_ZW"
expect_status 404 "fuyi API 办件 of another department"
expect_json '.error.code == 404 and (.error.message | contains("不在您的数据权限范围内"))'
get "/k/service_case/$CASE_ZW/edit"
expect_status 404 "fuyi edit form of another department's 办件"

login zhengwu
get "/k/service_case/$CASE_ZW"
expect_status 200 "zhengwu opens its own 办件"
expect_contains "$BODY" "$CASE_ZW_NO"
get /k/service_item
expect_contains "$BODY" "共 $N_ITEM_ZHENGWU 条" "zhengwu sees its department's items"

# 3. shichang's 办件 list counts only 市场监督管理局 records; the admin's
# department filter and the leader's agree.
login shichang
get "/k/service_case?year=all"
expect_status 200 "shichang 办件 list"
WEB_TOTAL=$(list_total)
expect_eq "$WEB_TOTAL" "$N_CASE_SHICHANG" "shichang web total = rows of dept $D_SHICHANG"
api_login shichang
api GET "/api/v1/k/service_case?year=all&size=200"
expect_json "[.rows[].dept_id] | all(. == $D_SHICHANG)" "every row shichang gets is 市场监督管理局's"
expect_json ".total == $N_CASE_SHICHANG" "shichang API total"
# Asking for another department does not widen the scope.
api GET "/api/v1/k/service_case?year=all&dept=$D_ZHENGWU&size=1"
expect_json '.total == 0' "shichang filtering on 政务服务局 gets nothing"
get "/k/service_case?year=all&dept=$D_ZHENGWU"
expect_contains "$BODY" '共 0 条' "shichang web list with dept=政务服务局"

api_login leader
LEADER_DEPT_TOTAL=$(api_total "/api/v1/k/service_case?year=all&dept=$D_SHICHANG&size=1")
expect_eq "$LEADER_DEPT_TOTAL" "$WEB_TOTAL" "leader's dept=$D_SHICHANG total = shichang's list"
LEADER_ALL=$(api_total "/api/v1/k/service_case?year=all&size=1")
expect_eq "$LEADER_ALL" "$N_CASE_ALL" "leader sees every 办件 of the county"

# The county admin (县级管理员, seated in 司法局) sees the whole county
# (demo: "可见全县数据"), so its department filter equals the clerk's list.
api_login admin
ADMIN_DEPT_TOTAL=$(api_total "/api/v1/k/service_case?year=all&dept=$D_SHICHANG&size=1")
expect_eq "$ADMIN_DEPT_TOTAL" "$WEB_TOTAL" "admin's dept=$D_SHICHANG total = shichang's list"
ADMIN_ALL=$(api_total "/api/v1/k/service_case?year=all&size=1")
expect_eq "$ADMIN_ALL" "$N_CASE_ALL" "admin sees every 办件 of the county"
login admin
get "/k/service_case/$CASE_ZW"
expect_status 200 "admin opens a 政务服务局 办件"

# 4. The leader reads but never writes: 403 on forms, on posts and in the API.
login leader
get /k/reconsideration
expect_status 200 "leader reads 复议"
expect_not_contains "$BODY" 'href="/k/reconsideration/new"' "leader sees a 新增 button"
get /k/reconsideration/new
expect_status 403 "leader GET new form"
expect_contains "$BODY" '当前账号为只读账号，不能修改数据'
REC1=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id LIMIT 1")
get "/k/reconsideration/$REC1"
expect_status 200 "leader reads a 复议 case"
expect_not_contains "$BODY" "/k/reconsideration/$REC1/edit" "leader sees a 修改 button"
expect_not_contains "$BODY" "/do/accept" "leader sees a 受理 button"
post_form "/k/reconsideration/$REC1/do/accept"
expect_status 403 "leader POST transition"
post_form "/k/reconsideration/$REC1/edit" applicant=领导改的
expect_status 403 "leader POST edit"
expect_eq "$(sql "SELECT state||'/'||applicant FROM reconsideration WHERE id=$REC1" | cut -d/ -f1)" received "leader changed nothing"
api_login leader
api POST /api/v1/k/reconsideration '{"case_no":"领导-1","applicant":"甲","respondent":"乙","matter":"other","received":"2026-06-01","procedure":"ordinary"}'
expect_status 403 "leader API POST"
expect_json '.error.message == "当前账号为只读账号，不能修改数据"'
api DELETE "/api/v1/k/reconsideration/$REC1"
expect_status 403 "leader API DELETE"
get /audit
expect_status 403 "leader opens the audit log"
expect_contains "$BODY" '仅县级管理员可以访问'

# 5. A clerk cannot create (or move) a record for another department: 422
# with the reason beside the 所属部门 field, nothing written.
login shichang
BEFORE=$(sql "SELECT count(*) FROM service_item")
post_form /k/service_item/new "dept_id=$D_ZHENGWU" code=PERM-001 name=越权事项 category=license \
  online=full max_visits=1 promised_days=3
expect_status 422 "shichang creates a 政务服务局 item"
expect_contains "$BODY" '<div class="err" id="e-dept_id">无权为“示范县政务服务和大数据管理局”录入或修改数据</div>'
expect_eq "$(sql "SELECT count(*) FROM service_item")" "$BEFORE" "no item written"
api_login shichang
api POST /api/v1/k/service_item "{\"dept_id\":$D_ZHENGWU,\"code\":\"PERM-002\",\"name\":\"越权事项\",\"category\":\"license\",\"online\":\"full\",\"max_visits\":1,\"promised_days\":3}"
expect_status 422 "shichang API creates a 政务服务局 item"
expect_json '.errors | any(.field == "dept_id" and (.message | contains("无权")))'
# By department name as well.
api POST /api/v1/k/service_item '{"所属部门":"示范县政务服务和大数据管理局","code":"PERM-003","name":"越权事项","category":"license","online":"full","max_visits":1,"promised_days":3}'
expect_status 422 "shichang API creates an item by department name"
expect_eq "$(sql "SELECT count(*) FROM service_item")" "$BEFORE" "no item written by the API"
# Moving an own record to another department is refused too.
ITEM_SC=$(sql "SELECT id FROM service_item WHERE dept_id=$D_SHICHANG ORDER BY id LIMIT 1")
api PUT "/api/v1/k/service_item/$ITEM_SC" "{\"dept_id\":$D_ZHENGWU}"
expect_status 422 "shichang moves its item to 政务服务局"
expect_eq "$(sql "SELECT dept_id FROM service_item WHERE id=$ITEM_SC")" "$D_SHICHANG" "item still in 市场监督管理局"
# Editing or deleting another department's record: not found.
api PUT "/api/v1/k/service_item/$ITEM_ZW" '{"name":"改名"}'
expect_status 404 "shichang edits a 政务服务局 item"
api DELETE "/api/v1/k/service_item/$ITEM_ZW"
expect_status 404 "shichang deletes a 政务服务局 item"
post_form "/k/service_item/$ITEM_ZW/delete"
expect_status 404 "shichang deletes a 政务服务局 item (web)"
expect_eq "$(sql "SELECT name FROM service_item WHERE id=$ITEM_ZW")" "$ITEM_ZW_NAME" "item unchanged"
# Importing rows for another department: refused, nothing written.
printf '所属部门,事项编码,事项名称,事项类型,网办深度,最多跑动次数,承诺时限（工作日）\n示范县政务服务和大数据管理局,PERM-004,越权导入,行政许可,全程网办,1,3\n' >"$T/other.csv"
post_file /k/service_item/import "$T/other.csv"
expect_status 422 "shichang imports for 政务服务局"
expect_contains "$BODY" '第2行「所属部门」：无权为“示范县政务服务和大数据管理局”导入数据'
expect_eq "$(sql "SELECT count(*) FROM service_item")" "$BEFORE" "nothing imported"

# 6. Admin-only transitions: a clerk cannot reopen a closed case (409, and
# the button is not offered); the admin can.
REC_CLOSED=$(sql "SELECT id FROM reconsideration WHERE state='closed' ORDER BY id LIMIT 1")
login fuyi
get "/k/reconsideration/$REC_CLOSED"
expect_status 200 "fuyi opens a closed case"
expect_not_contains "$BODY" "/do/reopen" "fuyi is offered 撤回结案"
post_form "/k/reconsideration/$REC_CLOSED/do/reopen"
expect_status 409 "fuyi reopens a closed case"
expect_contains "$BODY" '当前状态“已结案”下不能执行“撤回结案”，或您的角色无权执行'
api_login fuyi
api POST "/api/v1/k/reconsideration/$REC_CLOSED/do/reopen"
expect_status 409 "fuyi API reopen"
expect_eq "$(sql "SELECT state FROM reconsideration WHERE id=$REC_CLOSED")" closed "case still closed"
# An unknown transition is a 404.
api POST "/api/v1/k/reconsideration/$REC_CLOSED/do/explode"
expect_status 404 "unknown transition"
expect_json '.error.message == "没有这个操作"'

login admin
get "/k/reconsideration/$REC_CLOSED"
expect_contains "$BODY" "/k/reconsideration/$REC_CLOSED/do/reopen" "admin is offered 撤回结案"
post_form "/k/reconsideration/$REC_CLOSED/do/reopen"
expect_status 303 "admin reopens"
expect_eq "$(location)" "/k/reconsideration/$REC_CLOSED?msg=moved" "redirect after reopen"
get "$(location)"
expect_contains "$BODY" '操作成功'
expect_contains "$BODY" '<span class="state s-accepted">已受理</span>'
expect_contains "$BODY" '<td>撤回结案</td>' "the history lists the reopen"
expect_eq "$(sql "SELECT state FROM reconsideration WHERE id=$REC_CLOSED")" accepted "case reopened"

# 7. Exports, templates and the audit log follow the same scope.
login shichang
get /k/service_case/export.xlsx -G --data-urlencode year=all
expect_status 200 "shichang export"
cp "$BODY" "$T/sc.xlsx"
unzip -p "$T/sc.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/sc.strings" 2>/dev/null
expect_eq "$(grep -o '<row ' "$T/sc.strings" | wc -l | tr -d ' ')" "$((N_CASE_SHICHANG+1))" "shichang's export: its rows and a header"
expect_eq "$(grep -o '<t>示范县[^<]*</t>' "$T/sc.strings" | sort -u | tr -d '\n')" "<t>示范县市场监督管理局</t>" "only 市场监督管理局 in the export"
get /k/service_case/export.xlsx -G --data-urlencode year=all --data-urlencode "dept=$D_ZHENGWU"
cp "$BODY" "$T/sc2.xlsx"
expect_eq "$(unzip -p "$T/sc2.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l | tr -d ' ')" 1 "exporting another department gives only the header"
get /k/service_case/template.xlsx
cp "$BODY" "$T/tpl.xlsx"
unzip -p "$T/tpl.xlsx" xl/worksheets/sheet1.xml >"$T/tpl.sheet"
expect_contains "$T/tpl.sheet" '<formula1>"示范县市场监督管理局"</formula1>' "the template offers only shichang's department"
get /audit
expect_status 403 "a clerk opens the audit log"
get /report
expect_status 200 "a clerk's report"
expect_not_contains "$BODY" '示范县政务服务和大数据管理局' "another department in a clerk's report"

finish
