#!/bin/sh
# tests/http/103-accounts-cli.sh
# Accounts from the command line (issue 13 §6): fazhi user add, list,
# disable, enable, reset, role, move — each audited with the user row before
# and after, each refusing an unknown user, role or department in Chinese
# with a non-zero exit. A one-time password (init, add, reset) must be
# changed first: the web sends the user to /account, the API answers 403.
# Passwords someone chooses: at least 10 characters, not the login, not one
# repeated character, not a common one; the reason is given in Chinese.
. "$(dirname "$0")/lib.sh"
start_server

# u ARGS…: fazhi user --db DB ARGS…; exit status in $RC, output in $T/u.out and $T/u.err.
u(){ "$FAZHI" user --db "$DB" "$@" >"$T/u.out" 2>"$T/u.err"; RC=$?; }
onetime(){ sed -n 's/.*一次性密码：\([0-9a-f]*\).*/\1/p' "$T/u.out"; }

# 1. add prints a one-time password.
u add wangwu 王五 clerk 示范县市场监督管理局
expect_eq "$RC" 0 "user add"
P1=$(onetime)
expect_eq "${#P1}" 16 "a 16-character one-time password printed"
expect_contains "$T/u.out" '首次登录后须修改密码'
u list
expect_eq "$RC" 0 "user list"
expect_contains "$T/u.out" 'wangwu'
expect_contains "$T/u.out" '待改密码'
expect_contains "$T/u.out" '示范县市场监督管理局'

# 2. The first login leads to the password form and nowhere else.
login_attempt wangwu "$P1"
expect_status 303 "login with the one-time password"
expect_eq "$(location)" "/account" "sent to change the password"
get /
expect_status 303 "the dashboard waits"
expect_eq "$(location)" "/account"
get /k/service_case
expect_status 303 "a list waits"
get /account
expect_status 200 "the password form"
expect_contains "$BODY" '一次性密码'
CSRF=$(sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
post_form /k/service_case/new title=x
expect_status 403 "a write waits"
expect_contains "$BODY" '请先修改一次性密码'
# The API: 403 JSON until the password is changed.
api POST /api/v1/login "{\"login\":\"wangwu\",\"password\":\"$P1\"}"
expect_status 200 "API login with the one-time password"
expect_json '.must_change_password == true'
TOKEN=$(json .token)
api GET /api/v1/k/service_case
expect_status 403 "API list before the change"
expect_json '.error.message | contains("请先修改一次性密码")'
# Weak passwords, each with its reason.
for pair in "short-1:至少需要10个字符" "wangwu:至少需要10个字符" "aaaaaaaaaaaa:不能全部是同一个字符" \
            "1234567890:是最常见的密码之一" "Password123:是最常见的密码之一" "qwertyuiop:是最常见的密码之一" "admin12345:是最常见的密码之一"; do
  pw=${pair%%:*}; why=${pair#*:}
  api POST /api/v1/password "{\"old\":\"$P1\",\"new\":\"$pw\",\"new2\":\"$pw\"}"
  expect_status 422 "weak password $pw"
  expect_json ".errors | any(.field == \"new\" and (.message | contains(\"$why\")))" "reason for $pw"
done
# the login name itself (a login long enough to be a password)
u add zhangsan2026 张三 clerk 示范县市场监督管理局
P2=$(onetime)
TOKEN=
api POST /api/v1/login "{\"login\":\"zhangsan2026\",\"password\":\"$P2\"}"
TOKEN=$(json .token)
api POST /api/v1/password "{\"old\":\"$P2\",\"new\":\"ZhangSan2026\",\"new2\":\"ZhangSan2026\"}"
expect_status 422 "the login as password"
expect_json '.errors | any(.field == "new" and (.message | contains("不能与账号相同")))'
# The web form too.
post_form /account "old=$P1" new=abcdefghij new2=abcdefghij
expect_status 422 "weak password through the form"
expect_contains "$BODY" '是最常见的密码之一'
post_form /account "old=$P1" new=Wang-Wu-2026x new2=Wang-Wu-2026x
expect_status 303 "a good password"
get /
expect_status 200 "the dashboard after the change"
u list
grep wangwu "$T/u.out" | grep -q '正常' && pass "wangwu is 正常" || fail "wangwu is not 正常 in the list"

# 3. disable ends the sessions and the logins; enable restores them.
api_login wangwu Wang-Wu-2026x
api GET /api/v1/me
expect_status 200
u disable wangwu
expect_eq "$RC" 0 "user disable"
api GET /api/v1/me
expect_status 401 "the API session ended with the account"
as wangwu
get /
expect_status 303 "the web session ended too"
login_attempt wangwu Wang-Wu-2026x
expect_status 401 "a disabled account cannot log in"
u enable wangwu
expect_eq "$RC" 0 "user enable"
api_login wangwu Wang-Wu-2026x
expect_status 200 "enabled again"

# 4. reset: a new one-time password; the old one no longer works.
u reset wangwu
expect_eq "$RC" 0 "user reset"
P3=$(onetime)
expect_eq "${#P3}" 16 "reset prints a one-time password"
api GET /api/v1/me
expect_status 401 "sessions end at a reset"
TOKEN=
api POST /api/v1/login '{"login":"wangwu","password":"Wang-Wu-2026x"}'
expect_status 401 "the old password after a reset"
api POST /api/v1/login "{\"login\":\"wangwu\",\"password\":\"$P3\"}"
expect_status 200
expect_json '.must_change_password == true'

# 5. role and move.
u role wangwu leader
expect_eq "$RC" 0 "user role"
u move wangwu 城关镇
expect_eq "$RC" 0 "user move"
u list
grep wangwu "$T/u.out" | grep -q '领导' && pass "role shown" || fail "role not shown: $(grep wangwu "$T/u.out")"
grep wangwu "$T/u.out" | grep -q '城关镇' && pass "department shown" || fail "department not shown"

# 6. Bad input: a Chinese message, exit 1 or 2, nothing changed.
N0=$(sql "SELECT count(*) FROM audit")
u disable nobody
expect_eq "$RC" 1 "disable an unknown user"
expect_contains "$T/u.err" '没有账号“nobody”'
u reset nobody;  expect_eq "$RC" 1 "reset an unknown user"
u role wangwu boss
expect_eq "$RC" 1 "an unknown role"
expect_contains "$T/u.err" '未知角色“boss”'
u role nobody clerk; expect_eq "$RC" 1 "role of an unknown user"
u move wangwu 不存在的局
expect_eq "$RC" 1 "an unknown department"
expect_contains "$T/u.err" '未知部门“不存在的局”'
u move nobody 城关镇; expect_eq "$RC" 1 "move an unknown user"
expect_contains "$T/u.err" '没有账号“nobody”'
u add lisi 李四 superuser 城关镇
expect_eq "$RC" 1 "add with an unknown role"
expect_contains "$T/u.err" '未知角色'
u add lisi 李四 clerk 不存在的局
expect_eq "$RC" 1 "add with an unknown department"
u add wangwu 王五 clerk 城关镇
expect_eq "$RC" 1 "add an existing login"
expect_contains "$T/u.err" '已存在'
u frobnicate wangwu
expect_eq "$RC" 2 "an unknown verb"
expect_contains "$T/u.err" '未知操作“frobnicate”'
u disable
expect_eq "$RC" 2 "disable without a login"
u role wangwu
expect_eq "$RC" 2 "role without the role"
expect_eq "$(sql "SELECT count(*) FROM audit")" "$N0" "bad input wrote nothing"
expect_eq "$(sql "SELECT role || ' ' || disabled FROM users WHERE login='wangwu'")" "leader 0" "wangwu as it was"

# 7. Each change is audited with the row before and after.
for a in user_create user_disable user_enable user_reset user_role user_move; do
  n=$(sql "SELECT count(*) FROM audit WHERE action='$a' AND rec_id=(SELECT id FROM users WHERE login='wangwu')")
  check "$a audited for wangwu ($n)" test "$n" -ge 1
done
expect_contains_sql(){ sql "$1" >"$T/sql.out"; expect_contains "$T/sql.out" "$2" "$3"; }
expect_contains_sql "SELECT before || ' => ' || after FROM audit WHERE action='user_disable'" '"disabled":0' "before of disable"
expect_contains_sql "SELECT after FROM audit WHERE action='user_disable'" '"disabled":1' "after of disable"
expect_contains_sql "SELECT before || ' => ' || after FROM audit WHERE action='user_role'" '"role":"clerk"' "before of role"
expect_contains_sql "SELECT after FROM audit WHERE action='user_role'" '"role":"leader"' "after of role"
expect_contains_sql "SELECT after FROM audit WHERE action='user_reset'" '"pw_temp":1' "reset marks the password one-time"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE after LIKE '%argon2%' OR before LIKE '%argon2%' OR after LIKE '%$P3%'")" 0 "no password or hash in the log"

# 8. init's admin gets a one-time password too.
"$FAZHI" init --db "$T/new.db" --county 测试县 >"$T/init.out" 2>&1
expect_eq "$?" 0 "init"
expect_contains "$T/init.out" '一次性密码'
expect_eq "$(sqlite3 "$T/new.db" "SELECT pw_temp FROM users WHERE login='admin'")" 1 "init's admin must change the password"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the account commands"
finish
