#!/bin/sh
# tests/http/180-users.sh
# Issue 15 §1: 用户管理 (/admin/users) in the browser.
#   1. Only admins: a leader and a clerk get 403; a POST without the CSRF
#      token is refused.
#   2. The list: every account of the county with 账号 姓名 角色 部门 状态
#      创建时间 操作; the search box (login or name) and the department filter.
#   3. 新增: the one-time password is shown once and must be changed at the
#      first login; bad input (no name, no role, a taken login) changes
#      nothing and says why beside the field.
#   4. 修改 (name, role, department), 停用/启用, 重置密码 (a new one-time
#      password), 解除登录限制: each audited as the command line's own
#      action; an admin cannot disable or demote themselves.
#   5. Scope: a second county's admin neither sees nor touches the first
#      county's accounts (404); a city's admin sees both counties and
#      manages their admins only (403 for a clerk).
#   6. `fazhi check` passes after all of it.
. "$(dirname "$0")/lib.sh"
start_server

uid(){ sql "SELECT id FROM users WHERE login='$1'"; }
secret(){ sed -n 's/.*id="one-time-password">\([0-9a-f]*\)<.*/\1/p' "$BODY" | head -1; }

# 1. Only admins
login leader
get /admin/users
expect_status 403 "a leader cannot open 用户管理"
login zhengwu
get /admin/users
expect_status 403 "a clerk cannot open 用户管理"
post_form /admin/users/new login=x name=x role=clerk dept=1
expect_status 403 "a clerk cannot add an account"
login admin
post /admin/users/new --data-urlencode login=nocsrf --data-urlencode name=无令牌 --data-urlencode role=clerk
expect_status 403 "a POST without the CSRF token is refused"
expect_eq "$(uid nocsrf)" "" "…and adds nothing"

# 2. The list, the search and the department filter
get /admin/users
expect_status 200 "an admin opens 用户管理"
for h in 账号 姓名 角色 部门 状态 创建时间 操作; do expect_contains "$BODY" "<th>$h</th>"; done
expect_contains "$BODY" '<td>fuyi</td><td>刘洋</td><td>部门录入员</td>' "a clerk's row"
expect_contains "$BODY" '<a href="/admin/users" class="on">用户管理</a>' "the menu's 系统管理 group"
expect_contains "$BODY" 'name="_csrf"' "row actions are forms with the CSRF token"
get "/admin/users?q=%E5%88%98%E6%B4%8B"
expect_contains "$BODY" '<td>fuyi</td>' "search by name finds 刘洋"
expect_not_contains "$BODY" '<td>leader</td>' "…and nobody else"
get "/admin/users?q=cheng"
expect_contains "$BODY" '<td>chengguan</td>' "search by part of a login"
DTOWN=$(sql "SELECT dept_id FROM users WHERE login='chengguan'")
DJUST=$(sql "SELECT dept_id FROM users WHERE login='fuyi'")
get "/admin/users?dept=$DTOWN"
expect_contains "$BODY" '<td>chengguan</td>' "the department filter keeps the town's clerk"
expect_not_contains "$BODY" '<td>fuyi</td>' "…and leaves out the others"

# 3. 新增
NU=$(sql "SELECT count(*) FROM users")
post_form /admin/users/new login=t180 name= role= dept=$DJUST
expect_status 422 "an account without name and role is refused"
expect_contains "$BODY" '姓名不能为空' "…saying so beside the name"
expect_contains "$BODY" '请选择角色' "…and the role"
expect_contains "$BODY" 'value="t180"' "…with what was typed"
post_form /admin/users/new login=fuyi name=重复 role=clerk dept=$DJUST
expect_status 422 "a taken login is refused"
expect_contains "$BODY" '账号“fuyi”已存在'
expect_eq "$(sql "SELECT count(*) FROM users")" "$NU" "bad input adds nobody"
post_form /admin/users/new login=t180 name=测试员 role=clerk dept=$DJUST
expect_status 200 "a new account"
expect_contains "$BODY" '只显示这一次' "the one-time password is shown once"
P1=$(secret)
expect_ne "$P1" "" "…and it is on the page"
expect_eq "$(sql "SELECT pw_temp FROM users WHERE login='t180'")" 1 "it must be changed at the first login"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='user_create' AND after LIKE '%t180%'")" 1 "the new account is audited"
T180=$(uid t180)
first_login t180 "$P1" T180-Pass-2026x
expect_status 200 "the new user logs in and sets a password"

# 4. 修改, 停用/启用, 重置密码, 解除登录限制
as admin
get /admin/users/$T180/edit
expect_status 200 "the edit form"
expect_contains "$BODY" 'value="测试员"'
post_form /admin/users/$T180/edit name= role=clerk dept=$DJUST
expect_status 422 "an empty name is refused"
expect_contains "$BODY" '姓名不能为空'
post_form /admin/users/$T180/edit name=测试员甲 role=leader dept=$DTOWN
expect_status 303 "name, role and department changed"
expect_eq "$(sql "SELECT name||'|'||role||'|'||dept_id FROM users WHERE id=$T180")" "测试员甲|leader|$DTOWN" "…as stored"
for a in user_rename user_role user_move; do
  expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='$a'")" 1 "…audited as $a"
done
AID=$(uid admin)
post_form /admin/users/$AID/disable
expect_status 422 "an admin cannot disable themselves"
expect_contains "$BODY" '不能停用自己的账号'
post_form /admin/users/$AID/edit name=王敏 role=clerk dept=$DJUST
expect_status 422 "an admin cannot demote themselves"
expect_contains "$BODY" '不能更改自己的角色'
expect_eq "$(sql "SELECT role||disabled FROM users WHERE id=$AID")" admin0 "…and stays an admin"
post_form /admin/users/$T180/disable
expect_status 303 "停用"
expect_eq "$(sql "SELECT disabled FROM users WHERE id=$T180")" 1 "…stored"
get /admin/users?q=t180
expect_contains "$BODY" '已停用' "the list shows 已停用"
login_attempt t180 T180-Pass-2026x
expect_ne "$STATUS" 303 "a disabled account cannot log in"
as admin
post_form /admin/users/$T180/enable
expect_status 303 "启用"
expect_eq "$(sql "SELECT disabled FROM users WHERE id=$T180")" 0 "…stored"
post_form /admin/users/$T180/reset
expect_status 200 "重置密码"
P2=$(secret)
expect_ne "$P2" "" "the new one-time password is shown"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='user_reset'")" 1 "…audited"
get /admin/users?q=t180
expect_contains "$BODY" '待改密码' "the list shows 待改密码"
i=0
while [ $i -lt 6 ]; do login_attempt t180 wrong-password-$i; i=$((i+1)); done
login_attempt t180 "$P2"
expect_status 429 "wrong passwords lock the account from this address"
as admin
post_form /admin/users/$T180/unlock
expect_status 303 "解除登录限制"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='login_unlock'")" 1 "…audited"
post_form /admin/users/$T180/unlock
expect_status 409 "a second unlock finds nothing to lift"
expect_contains "$BODY" '当前没有登录限制，无需解除' "…and says so instead of 已解除"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='login_unlock'")" 1 "…nothing logged"
first_login t180 "$P2" T180-Pass-2026y
expect_status 200 "after the unlock the one-time password works"

# 5. Scope: a second county, then a city over both
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "fazhi init of a second county"
first_login yadmin "$(sed -n 's/^一次性密码：//p' "$T/init.out")" Yadmin-Pass-2026x
get /admin/users
expect_status 200 "the second county's admin opens 用户管理"
expect_contains "$BODY" '<td>yadmin</td>'
expect_not_contains "$BODY" '<td>fuyi</td>' "…without the first county's accounts"
get /admin/users/$T180/edit
expect_status 404 "another county's account is not found"
post_form /admin/users/$T180/disable
expect_status 404 "…nor disabled"
post_form /admin/users/$T180/reset
expect_status 404 "…nor reset"
post_form /admin/users/new login=y180 name=越界 role=clerk dept=$DJUST
expect_status 422 "…nor given a department of the first county"
expect_contains "$BODY" '请选择本级管理范围内的部门'
expect_eq "$(sql "SELECT disabled+pw_temp FROM users WHERE id=$T180")" 0 "the first county's account is untouched"
as admin
get /admin/users
expect_not_contains "$BODY" '<td>yadmin</td>' "the first county does not see the second's admin"
YID=$(uid yadmin)
post_form /admin/users/$YID/disable
expect_status 404 "…nor can disable it"
"$FAZHI" city --db "$DB" 某市 示范县 乙县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "fazhi city over both counties"
"$FAZHI" user --db "$DB" add cadmin 市管理员 admin 某市 >"$T/cadmin.out" 2>&1
first_login cadmin "$(sed -n 's/.*一次性密码：//p' "$T/cadmin.out")" Cadmin-Pass-2026x
get /admin/users
expect_contains "$BODY" '<td>yadmin</td>' "the city's admin sees the second county's admin"
expect_contains "$BODY" '<td>fuyi</td>' "…and the first county's users"
FID=$(uid fuyi)
post_form /admin/users/$FID/disable
expect_status 403 "…but manages admins only"
post_form /admin/users/$YID/reset
expect_status 200 "it resets a county admin's password"
get /admin/users/new
expect_contains "$BODY" '<option value="admin"' "the city's add form offers the admin role"
expect_not_contains "$BODY" '<option value="clerk"' "…and not the roles it may not give"
expect_not_contains "$BODY" '<option value="leader"' "…nor leader"
post_form /admin/users/new login=c180 name=县管理员 role=clerk dept=$DJUST
expect_status 422 "it adds admins only"
post_form /admin/users/new login=c180 name=县管理员 role=admin dept=$DJUST
expect_status 200 "it adds a county's admin"

# 6. check
stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the page's changes"
expect_contains "$T/check.out" '检查通过'
finish
