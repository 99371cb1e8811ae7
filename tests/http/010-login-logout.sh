#!/bin/sh
# tests/http/010-login-logout.sh
# Logging in and out through the web form: wrong and right passwords, the
# session cookie's attributes, the redirect of anonymous visitors, lock-out
# after repeated failures, and the login form's own CSRF value (_pre).
. "$(dirname "$0")/lib.sh"
start_server

# 1. Wrong password: 401 and the Chinese message, no session cookie.
login_attempt admin not-the-password
expect_status 401 "wrong password"
expect_contains "$BODY" '账号或密码错误'
check "no session cookie after a wrong password" \
  sh -c "! tr -d '\r' <'$HDRS' | grep -qi '^Set-Cookie: fz_session=[0-9a-f]'"

# Unknown account: the same message (does not reveal which accounts exist).
login_attempt nosuchuser "$PW"
expect_status 401 "unknown account"
expect_contains "$BODY" '账号或密码错误'

# 2. Right password: 303 to /todo (待办, the home page), session cookie HttpOnly + SameSite=Strict.
login_attempt admin "$PW"
expect_status 303 "right password"
expect_eq "$(location)" "/todo" "redirect after login: 待办"
expect_header '^Set-Cookie: fz_session=[0-9a-f]{64};' "session cookie set"
expect_header '^Set-Cookie: fz_session=.*HttpOnly' "session cookie HttpOnly"
expect_header '^Set-Cookie: fz_session=.*SameSite=Strict' "session cookie SameSite=Strict"
expect_header '^Set-Cookie: fz_session=.*Path=/' "session cookie Path=/"
SESSION=$(tr -d '\r' <"$HDRS" | sed -n 's/^Set-Cookie: fz_session=\([0-9a-f]*\);.*/\1/p')

# The dashboard greets the user by name, role and department.
save_csrf admin
expect_status 200 "dashboard"
expect_contains "$BODY" '王敏<span class="who-role">（县级管理员·示范县司法局）</span>'
expect_contains "$BODY" '<h1>工作台</h1>'
expect_contains "$BODY" 'name="_csrf"' "logout form carries the CSRF token"

# /login while logged in goes to 待办.
get /login
expect_status 303 "login page when logged in"
expect_eq "$(location)" "/todo" "login page redirect"

# Other users see their own name.
login zhengwu && get /
expect_contains "$BODY" '赵晓<span class="who-role">（部门录入员·示范县政务服务和大数据管理局）</span>'
login leader && get /
expect_contains "$BODY" '李县长<span class="who-role">（领导（只读）·示范县）</span>'

# 3. Logout: 303 to /login, the cookie is cleared, the session is gone on the
# server too (the old token no longer works even if a client kept it).
as admin
post_form /logout
expect_status 303 "logout"
expect_eq "$(location)" "/login" "redirect after logout"
expect_header '^Set-Cookie: fz_session=;.*Max-Age=0' "logout clears the cookie"
get /
expect_status 303 "dashboard after logout"
anon
get / -H "Cookie: fz_session=$SESSION"
expect_status 303 "old session token after logout"
get /api/v1/me -H "Cookie: fz_session=$SESSION"
expect_status 401 "API with the old session token after logout"

# 4. Anonymous visitors are sent to the login page with ?next=.
anon
get /
expect_status 303 "anonymous dashboard"
case $(location) in
  /login\?next=*) pass "anonymous / -> /login?next=" ;;
  *) fail "anonymous / redirected to «$(location)», not /login?next=…" ;;
esac
get /report
expect_status 303 "anonymous report"
expect_eq "$(location)" "/login?next=%2Freport" "next= carries the page"

# Logging in with next= lands on that page; an absolute URL is not followed.
login_attempt zhengwu "$PW" /k/service_case
expect_status 303 "login with next"
expect_eq "$(location)" "/k/service_case" "login goes to next="
login_attempt zhengwu "$PW" //evil.example/x
expect_status 303 "login with next=//host"
expect_eq "$(location)" "/" "no open redirect through next="

# 5. Login POST without the _pre value (or with another one) is refused.
anon
rm -f "$T/jar.nopre"; JAR=$T/jar.nopre; WHO=nopre
get /login
post /login --data-urlencode "login=admin" --data-urlencode "password=$PW"
expect_status 403 "login without _pre"
expect_contains "$BODY" '登录页面已过期'
check "no session after a login without _pre" \
  sh -c "! tr -d '\r' <'$HDRS' | grep -qi '^Set-Cookie: fz_session=[0-9a-f]'"
post /login --data-urlencode "_pre=0000000000000000000000000000000000000000000000000000000000000000" \
  --data-urlencode "login=admin" --data-urlencode "password=$PW"
expect_status 403 "login with a forged _pre"
# A _pre without its cookie (a cross-site form cannot read the cookie).
_pre=$(sed -n 's/.*name="_pre" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
anon
post /login --data-urlencode "_pre=$_pre" --data-urlencode "login=admin" --data-urlencode "password=$PW"
expect_status 403 "login with _pre but no fz_pre cookie"

# Empty fields: asked for both.
login_attempt admin ""
expect_status 400 "empty password"
expect_contains "$BODY" '请输入账号和密码'

# 6. Lock-out: after repeated wrong passwords the right one is refused too.
i=0
while [ $i -lt 6 ]; do
  login_attempt chengguan "wrong-$i"
  i=$((i+1))
done
expect_status 429 "6th wrong password"
expect_contains "$BODY" '登录失败次数过多'
login_attempt chengguan "$PW"
expect_status 429 "right password while locked"
expect_contains "$BODY" '登录失败次数过多'
check "no session while locked" \
  sh -c "! tr -d '\r' <'$HDRS' | grep -qi '^Set-Cookie: fz_session=[0-9a-f]'"
# The API is locked as well, with a JSON error.
TOKEN=
api POST /api/v1/login '{"login":"chengguan","password":"demo-2026"}'
expect_status 429 "API login while locked"
expect_json '.error.message | contains("登录失败次数过多")'
# Other accounts are not affected.
login_attempt shichang "$PW"
expect_status 303 "another account is not locked"

# 7. API login: token, and errors as JSON.
api POST /api/v1/login '{"login":"fuyi","password":"bad"}'
expect_status 401 "API wrong password"
expect_json '.error.code == 401 and .error.message == "账号或密码错误"'
api_login fuyi
expect_json '.name == "刘洋" and .role == "部门录入员" and (.csrf | length) == 64'
api GET /api/v1/me
expect_status 200 "API me"
expect_json '.login == "fuyi" and .dept == "示范县司法局"'
api POST /api/v1/logout
expect_status 200 "API logout"
api GET /api/v1/me
expect_status 401 "API token after logout"
expect_json '.error.message == "请先登录"'

finish
