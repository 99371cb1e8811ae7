#!/bin/sh
# tests/http/015-password.sh
# 个人中心: a user changes their own password (web form and API). The old
# password must be right, the new one long enough, different and typed
# twice alike; afterwards only the new one logs in. The change is audited
# without the password in the log.
. "$(dirname "$0")/lib.sh"
start_server

# Anonymous: login page / 401.
anon
get /account
expect_status 303 "anonymous /account"
expect_eq "$(location)" "/login?next=%2Faccount"
TOKEN=
api POST /api/v1/password '{"old":"demo-2026","new":"x1234567","new2":"x1234567"}'
expect_status 401 "anonymous API password change"

login zhengwu
get /account
expect_status 200 "account page"
expect_contains "$BODY" '账号：zhengwu　姓名：赵晓　部门：示范县政务服务和大数据管理局'
expect_contains "$BODY" 'name="old" type="password"'
expect_contains "$BODY" 'name="new2" type="password"'

# The form needs the CSRF token like every other.
post /account --data-urlencode old=demo-2026 --data-urlencode new=Neu-Pass-2026 --data-urlencode new2=Neu-Pass-2026
expect_status 403 "password change without _csrf"

# Each mistake is named beside its field; nothing changes.
post_form /account old=wrong-password new=Neu-Pass-2026 new2=Neu-Pass-2026
expect_status 422 "wrong old password"
expect_contains "$BODY" '<div class="err">不正确</div>'
post_form /account old=demo-2026 new=short new2=short
expect_status 422 "new password too short"
expect_contains "$BODY" '至少需要10个字符'
post_form /account old=demo-2026 new=Neu-Pass-2026 new2=Neu-Pass-2025
expect_status 422 "new passwords differ"
expect_contains "$BODY" '两次输入的新密码不一致'
post_form /account old=demo-2026 new=demo-2026 new2=demo-2026
expect_status 422 "new password = old"
expect_contains "$BODY" '不能与原密码相同'
expect_not_contains "$BODY" 'value="demo-2026"' "the page echoes a password"
login_attempt zhengwu demo-2026
expect_status 303 "the old password still works after refused changes"
save_csrf zhengwu

# A good change: redirect with a notice; only the new password logs in.
post_form /account old=demo-2026 new=Neu-Pass-2026 new2=Neu-Pass-2026
expect_status 303 "password changed"
expect_eq "$(location)" "/account?msg=password"
get /account?msg=password
expect_contains "$BODY" '密码已修改'
get /
expect_status 200 "the session that changed the password stays logged in"
login_attempt zhengwu demo-2026
expect_status 401 "old password after the change"
expect_contains "$BODY" '账号或密码错误'
login_attempt zhengwu Neu-Pass-2026
expect_status 303 "new password"

# The API: same rules, JSON errors.
api_login shichang
api POST /api/v1/password '{"old":"nope","new":"Api-Pass-2026","new2":"Api-Pass-2026"}'
expect_status 422 "API wrong old password"
expect_json '.errors | any(.field == "old" and .label == "原密码")'
api POST /api/v1/password '{"old":"demo-2026","new":"Api-Pass-2026","new2":"Api-Pass-2026"}'
expect_status 200 "API password change"
expect_json '.ok == true'
TOKEN=
api POST /api/v1/login '{"login":"shichang","password":"demo-2026"}'
expect_status 401 "API login with the old password"
api POST /api/v1/login '{"login":"shichang","password":"Api-Pass-2026"}'
expect_status 200 "API login with the new password"

# The read-only leader may change their own password too.
login leader
post_form /account old=demo-2026 new=Leader-2026x new2=Leader-2026x
expect_status 303 "leader changes own password"

# Guessing the old password through a session counts toward the login
# throttle (2026-11-23: a stolen session must not be a password oracle).
api_login chengguan
for i in 1 2 3 4 5; do
  api POST /api/v1/password '{"old":"guess-'$i'-xx","new":"Guess-Pass-2026","new2":"Guess-Pass-2026"}'
done
api POST /api/v1/password '{"old":"demo-2026","new":"Guess-Pass-2026","new2":"Guess-Pass-2026"}'
expect_status 422 "right old password refused after 5 wrong ones"
expect_json '.errors | any(.field == "old" and (.message | contains("错误次数过多")))'
TOKEN=
api POST /api/v1/login '{"login":"chengguan","password":"demo-2026"}'
expect_status 429 "login locked too after 5 wrong old passwords"

# Audited, without the password or its hash.
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='password_change'")" 3 "three changes audited"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE after LIKE '%Pass-2026%' OR before LIKE '%Pass-2026%' OR after LIKE '%argon2%'")" 0 "no password in the audit log"
stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after password changes"
expect_contains "$T/check.out" '检查通过'

finish
