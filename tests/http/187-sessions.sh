#!/bin/sh
# tests/http/187-sessions.sh
# 系统管理 · 在线用户 (/admin/sessions, issue 15 §1): the unexpired
# sessions of the admin's scope (login, name, department, address and time
# of login), a user's sessions by a link, and 强制退出: the session is
# deleted, audited as session_end with the login, and the user's next
# request goes to /login. Admins only; another county's session is 404 and
# stays; a bad or missing id is 404, a missing CSRF token 403; fazhi check
# passes after.
. "$(dirname "$0")/lib.sh"
SERVE_ARGS="--trusted-proxy 127.0.0.1"
start_server

login admin
login fuyi
# fuyi also through the API from another address
curl -s -o "$T/api.body" -H "X-Forwarded-For: 10.7.0.1" -H 'Content-Type: application/json' \
  --data "{\"login\":\"fuyi\",\"password\":\"$PW\"}" "$BASE/api/v1/login"
FTOKEN=$(jq -r '.token // empty' "$T/api.body")
expect_ne "$FTOKEN" "" "fuyi's API session"

as admin
get /admin/sessions
expect_status 200 "在线用户"
for s in 在线用户 系统管理 fuyi admin 10.7.0.1 127.0.0.1 强制退出 '共 '; do
  expect_contains "$BODY" "$s" "the page shows $s"
done
expect_contains "$BODY" "$(sql "SELECT name FROM users WHERE login='fuyi'")" "the user's name"
expect_contains "$BODY" "$(sql "SELECT d.name FROM users u JOIN dept d ON d.id=u.dept_id WHERE u.login='fuyi'")" "the user's department"
expect_contains "$BODY" 'href="/admin/sessions?login=fuyi"' "a link to the user's sessions"
expect_not_contains "$BODY" "$(sql "SELECT token_hash FROM session s JOIN users u ON u.id=s.user_id WHERE u.login='fuyi' LIMIT 1")x" "sanity"
get "/admin/sessions?login=fuyi"
expect_eq "$(list_total)" 2 "fuyi's two sessions"
expect_not_contains "$BODY" 'login=admin"' "only fuyi's"
# the web session (127.0.0.1) of fuyi
SID=$(sql "SELECT s.token_hash FROM session s JOIN users u ON u.id=s.user_id WHERE u.login='fuyi' AND s.addr='127.0.0.1'")
expect_contains "$BODY" "value=\"$SID\"" "the form names the session"

# bad input: nothing changes
post_form /admin/sessions/end "id=not-a-session"
expect_status 404 "an id that is no session"
expect_contains "$BODY" '该会话不存在或已结束'
post /admin/sessions/end --data-urlencode "id=$SID"
expect_status 403 "no CSRF token"
expect_eq "$(sql "SELECT count(*) FROM session WHERE token_hash='$SID'")" 1 "the session is still there"
N0=$(sql "SELECT count(*) FROM audit WHERE action='session_end'")

# 强制退出
post_form /admin/sessions/end "id=$SID"
expect_status 303 "强制退出"
expect_eq "$(location)" "/admin/sessions?msg=ended" "back to the list"
get "$(location)"
expect_contains "$BODY" '已强制退出' "the notice"
expect_eq "$(sql "SELECT count(*) FROM session WHERE token_hash='$SID'")" 0 "the session is gone"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='session_end' AND before LIKE '%\"login\":\"fuyi\"%'")" $((N0+1)) "audited with the login"
get /audit
expect_contains "$BODY" '强制退出' "the audit page names the action"
as fuyi
get /
expect_status 303 "fuyi's next request…"
case $(location) in /login*) pass "…goes to the login page" ;; *) fail "…goes to the login page: «$(location)»" ;; esac
TOKEN=$FTOKEN
api GET /api/v1/me
expect_status 200 "fuyi's other session (the API's) is still there"
post_form /admin/sessions/end "id=$SID"
as admin
post_form /admin/sessions/end "id=$SID"
expect_status 404 "a session already ended"

# the JSON face: list and end fuyi's API session
api_login admin
api_get /api/v1/admin/sessions -G --data-urlencode login=fuyi
expect_status 200 "GET /api/v1/admin/sessions"
expect_eq "$(json '.total')" 1 "fuyi's API session is left"
expect_eq "$(json '.rows[0].addr')" 10.7.0.1 "its address"
FID=$(json '.rows[0].id')
api POST /api/v1/admin/sessions/end "{\"id\":\"$FID\"}"
expect_status 200 "POST /api/v1/admin/sessions/end"
expect_eq "$(json '.ok')" true "ok"
TOKEN=$FTOKEN
api GET /api/v1/me
expect_status 401 "fuyi's API token no longer works"
api_as admin
api POST /api/v1/admin/sessions/end "{\"id\":\"$FID\"}"
expect_status 404 "ended twice"
api_login leader
api GET /api/v1/admin/sessions
expect_status 403 "a leader through the API"

# admins only
login leader
get /admin/sessions
expect_status 403 "a leader"
post_form /admin/sessions/end "id=$SID"
expect_status 403 "a leader cannot end a session"
login fuyi
get /admin/sessions
expect_status 403 "a clerk"

# a second county: its admin sees and ends only its own county's sessions
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "fazhi init of a second county"
YPW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
first_login yadmin "$YPW" Yadmin-Pass-2026x
get /admin/sessions
expect_status 200 "乙县's admin"
expect_contains "$BODY" 'login=yadmin"' "…sees its own session"
expect_not_contains "$BODY" 'fuyi' "…not the first county's"
ASID=$(sql "SELECT s.token_hash FROM session s JOIN users u ON u.id=s.user_id WHERE u.login='admin' LIMIT 1")
post_form /admin/sessions/end "id=$ASID"
expect_status 404 "another county's session is not found"
expect_eq "$(sql "SELECT count(*) FROM session WHERE token_hash='$ASID'")" 1 "…and stays"
as admin
get /admin/sessions
expect_status 200 "the first county's admin is still logged in"
expect_not_contains "$BODY" 'yadmin' "…and does not see 乙县's sessions"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
expect_contains "$T/check.out" '检查通过'
finish
