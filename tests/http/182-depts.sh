#!/bin/sh
# tests/http/182-depts.sh
# Issue 15 §1, 部门管理 (/admin/depts): the department tree of the admin's
# scope; add, rename, type and order, move (the confirmation counts the
# accounts and records that change scope first), disable; each audited
# and guarded (fazhi check passes after, and fails on a tampered row);
# clerks and leaders get 403; another county's departments are 404 and
# cannot be a parent; a move across counties is refused; bad input gets
# Chinese messages beside the field and changes nothing.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
login shichang
login leader

ROOT=$(sql "SELECT id FROM dept WHERE parent_id IS NULL AND dtype='county'")
ROOTNAME=$(sql "SELECT name FROM dept WHERE id=$ROOT")
TOWN=$(sql "SELECT id FROM dept WHERE dtype='town' ORDER BY id LIMIT 1")
VILLAGE=$(sql "SELECT id FROM dept WHERE parent_id=$TOWN AND dtype='village' ORDER BY id LIMIT 1")
SHDEPT=$(sql "SELECT dept_id FROM users WHERE login='shichang'")
n_dept(){ sql "SELECT count(*) FROM dept"; }
n_audit(){ sql "SELECT count(*) FROM audit"; }

# 1. The tree, and who may see it.
as admin
get /admin/depts
expect_status 200 "admin: 部门管理"
expect_contains "$BODY" '部门管理'
expect_contains "$BODY" "$ROOTNAME"
expect_contains "$BODY" '<td>村（社区）</td>' "types in Chinese"
expect_contains "$BODY" '<td>乡镇</td>'
expect_contains "$BODY" 'href="/admin/depts"' "in the left menu"
expect_contains "$BODY" '系统管理'
as shichang
get /admin/depts
expect_status 403 "a clerk: 403"
post_form /admin/depts name=某局 parent=$ROOT dtype=bureau
expect_status 403 "a clerk cannot add"
as leader
get /admin/depts
expect_status 403 "a leader: 403"
get /
expect_not_contains "$BODY" '/admin/depts' "no menu entry for a leader"

# 2. Add, and bad input beside the field.
as admin
N0=$(n_dept)
post_form /admin/depts name=测试局 parent=$ROOT dtype=bureau sort_no=5
expect_status 303 "add a department"
NEW=$(sql "SELECT id FROM dept WHERE name='测试局'")
expect_ne "$NEW" "" "it is stored"
expect_eq "$(sql "SELECT parent_id||' '||dtype||' '||sort_no||' '||path FROM dept WHERE id=$NEW")" \
  "$ROOT bureau 5 $(sql "SELECT path FROM dept WHERE id=$ROOT")$NEW/" "parent, type, order and path"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='dept_create' AND rec_id=$NEW")" 1 "its audit entry"
N1=$(n_dept); A1=$(n_audit)
post_form /admin/depts name=测试局 parent=$ROOT dtype=bureau
expect_status 422 "a duplicate name"
expect_contains "$BODY" '部门名称不能重复'
expect_contains "$BODY" 'has-error'
post_form /admin/depts name= parent=$ROOT dtype=bureau
expect_status 422 "an empty name"
expect_contains "$BODY" '请填写部门名称'
post_form /admin/depts name=某某局 parent=$ROOT dtype=county
expect_status 422 "a type the page does not give"
expect_contains "$BODY" '请选择类型'
expect_contains "$BODY" 'value="某某局"' "what was typed comes back"
post_form /admin/depts name=某某局 parent=$ROOT dtype=bureau sort_no=abc
expect_status 422 "a bad order"
expect_contains "$BODY" '排序应为不超过9位的非负整数'
post_form /admin/depts name=某某局 parent=999999 dtype=bureau
expect_status 422 "no such parent"
expect_contains "$BODY" '请选择上级部门'
expect_eq "$(n_dept) $(n_audit)" "$N1 $A1" "bad input changed nothing"

# 3. Rename; type and order.
post_form /admin/depts/$NEW/rename name=测试镇 _form=rename
expect_status 303 "rename"
expect_eq "$(sql "SELECT name FROM dept WHERE id=$NEW")" 测试镇
post_form /admin/depts/$NEW/rename name="$ROOTNAME" _form=rename
expect_status 422 "rename to a name in use"
expect_contains "$BODY" '部门名称不能重复'
expect_contains "$BODY" '修改部门：测试镇' "the department's panel again"
post_form /admin/depts/$NEW/type dtype=town sort_no=2 _form=type
expect_status 303 "type and order"
expect_eq "$(sql "SELECT dtype||' '||sort_no FROM dept WHERE id=$NEW")" "town 2"
post_form /admin/depts/$NEW/type dtype=town sort_no= _form=type
expect_status 422 "an empty order"
expect_contains "$BODY" '请填写排序'
post_form /admin/depts/$ROOT/type dtype=bureau sort_no=1 _form=type
expect_status 422 "a county stays a county"
get "/admin/depts?edit=$NEW"
expect_status 200 "the edit panel"
expect_contains "$BODY" '重命名'
expect_contains "$BODY" '下一步：查看影响'

# 4. Move: the confirmation counts accounts and records first.
NUSER=$(sql "SELECT count(*) FROM users WHERE dept_id IN (SELECT id FROM dept WHERE path LIKE (SELECT path FROM dept WHERE id=$SHDEPT)||'%')")
expect_ne "$NUSER" 0 "the market bureau has accounts"
get "/admin/depts/$SHDEPT/move?parent=$NEW"
expect_status 200 "the move's confirmation"
expect_contains "$BODY" "其中${NUSER}个账号" "it says how many accounts change scope"
NREC=$(sed -n 's/.*个账号、\([0-9]*\)条记录.*/\1/p' "$BODY" | head -1)
NREC_DB=$(sql "SELECT count(*) FROM enforcement_case WHERE dept_id=$SHDEPT")
check "it counts the records of every kind (${NREC} ≥ ${NREC_DB} enforcement cases)" test "${NREC:-0}" -ge "$NREC_DB"
check "…and there are some" test "${NREC:-0}" -gt 0
expect_eq "$(sql "SELECT parent_id FROM dept WHERE id=$SHDEPT")" "$ROOT" "the confirmation moved nothing"
get "/admin/depts/$TOWN/move?parent=$VILLAGE"
expect_status 422 "into its own subtree"
expect_contains "$BODY" '不能移到它自己或它的下级之下'
get "/admin/depts/$ROOT/move?parent=$NEW"
expect_status 422 "the county itself"
post_form /admin/depts/$TOWN/move parent=$VILLAGE
expect_status 422 "the post refuses it too"
# move a town with its villages under the new department: the whole subtree's paths follow
NSUB=$(sql "SELECT count(*) FROM dept WHERE path LIKE (SELECT path FROM dept WHERE id=$TOWN)||'%'")
post_form /admin/depts/$TOWN/move parent=$NEW
expect_status 303 "move"
NP=$(sql "SELECT path FROM dept WHERE id=$NEW")
expect_eq "$(sql "SELECT parent_id FROM dept WHERE id=$TOWN")" "$NEW" "the new parent"
expect_eq "$(sql "SELECT count(*) FROM dept WHERE path LIKE '${NP}${TOWN}/%'")" "$NSUB" "the subtree's paths follow"
expect_eq "$(sql "SELECT path FROM dept WHERE id=$VILLAGE")" "${NP}${TOWN}/${VILLAGE}/" "a village's path"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='dept_move' AND rec_id=$TOWN")" 1 "its audit entry"
post_form /admin/depts/$SHDEPT/move parent=$NEW
expect_status 303 "move the market bureau"
login shichang
get /k/enforcement_case
expect_status 200 "its clerk still works, in the new place"
as admin

# 5. Disable: refused while accounts are active; a disabled one takes no new users or records.
post_form /admin/depts/$SHDEPT/state disabled=1
expect_status 409 "disable with active accounts"
expect_contains "$BODY" "还有${NUSER}个在用账号"
expect_eq "$(sql "SELECT disabled FROM dept WHERE id=$SHDEPT")" 0 "nothing changed"
post_form /admin/depts/$VILLAGE/state disabled=1
expect_status 303 "disable an empty village"
expect_eq "$(sql "SELECT disabled FROM dept WHERE id=$VILLAGE")" 1
get /admin/depts
expect_contains "$BODY" '<td>停用</td>'
get /k/reconsideration/new
expect_not_contains "$BODY" "<option value=\"$VILLAGE\"" "hidden from the forms' department choices"
post_form /admin/depts name=某村 parent=$VILLAGE dtype=village
expect_status 422 "no new department under a disabled one"
expect_contains "$BODY" '已停用'
"$FAZHI" user --db "$DB" add cunmin 村民 clerk "$VILLAGE" >"$T/u.out" 2>&1
expect_ne "$?" 0 "no new account in a disabled department"
expect_contains "$T/u.out" '已停用'
api_login admin
ORG='"org_no":"TY-182","otype":"village","name":"停用村调委会","founded":"2026-01-05","mediators":3'
api POST /api/v1/k/mediation_org "{\"dept_id\":$VILLAGE,$ORG}"
expect_status 422 "no new record in a disabled department"
expect_contains "$BODY" '已停用'
post_form /admin/depts/$VILLAGE/state disabled=0
expect_status 303 "enable again"
expect_eq "$(sql "SELECT disabled FROM dept WHERE id=$VILLAGE")" 0
api POST /api/v1/k/mediation_org "{\"dept_id\":$VILLAGE,$ORG}"
expect_status 201 "records again once enabled"

# 6. Audited and guarded.
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes after the page's changes"
for a in dept_create dept_rename dept_type dept_move dept_disable dept_enable; do
  expect_ne "$(sql "SELECT count(*) FROM audit WHERE action='$a'")" 0 "audited: $a"
done
get /audit
expect_status 200

# 7. Another county: not seen, not touched, not a parent; a city admin cannot move across counties.
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "a second county"
first_login yadmin "$(sed -n 's/^一次性密码：//p' "$T/init.out")" Yadmin-Pass-2026x
YROOT=$(sql "SELECT id FROM dept WHERE name='乙县'")
YJUST=$(sql "SELECT id FROM dept WHERE name='乙县司法局'")
as yadmin
get /admin/depts
expect_status 200 "county B's admin: its tree"
expect_contains "$BODY" '乙县司法局'
expect_not_contains "$BODY" '测试镇' "not county A's departments"
get "/admin/depts?edit=$NEW"
expect_status 404 "county A's department: 404"
post_form /admin/depts/$NEW/rename name=偷改 _form=rename
expect_status 404 "cannot rename county A's"
post_form /admin/depts/$NEW/state disabled=1
expect_status 404 "cannot disable county A's"
get "/admin/depts/$YJUST/move?parent=$NEW"
expect_status 422 "county A's department is no parent for county B"
post_form /admin/depts name=偷建 parent=$NEW dtype=bureau
expect_status 422 "…nor for a new one"
expect_eq "$(sql "SELECT count(*) FROM dept WHERE name IN ('偷改','偷建')")" 0 "nothing changed"
"$FAZHI" city --db "$DB" 示范市 "$ROOTNAME" 乙县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "a city over both"
"$FAZHI" user --db "$DB" add cadmin 市管理员 admin 示范市 >"$T/u.out" 2>&1
first_login cadmin "$(sed -n 's/.*一次性密码：\([0-9a-f]*\).*/\1/p' "$T/u.out")" Cadmin-Pass-2026x
get /admin/depts
expect_status 200 "the city admin: both counties"
expect_contains "$BODY" '<td>市</td>'
expect_contains "$BODY" '乙县司法局'
expect_contains "$BODY" '测试镇'
get "/admin/depts/$YJUST/move?parent=$NEW"
expect_status 422 "a move across counties"
expect_contains "$BODY" '不能把部门移到其他县（区）'
post_form /admin/depts/$YJUST/move parent=$NEW
expect_status 422 "the post refuses it too"
expect_eq "$(sql "SELECT parent_id FROM dept WHERE id=$YJUST")" "$YROOT" "not moved"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"

# 8. A tampered department row is caught.
sql "UPDATE dept SET disabled=1 WHERE id=$NEW" >/dev/null
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_ne "$?" 0 "fazhi check fails on a department disabled behind its back"
finish
