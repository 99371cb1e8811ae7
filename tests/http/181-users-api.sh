#!/bin/sh
# tests/http/181-users-api.sh
# Issue 15 §1: 用户管理's JSON face, the same handlers as /admin/users:
# GET/POST /api/v1/users, PUT /api/v1/users/:id, POST …/:id/disable|enable|
# reset|unlock. A leader gets 403; bad input is 422 with the fields named;
# an admin cannot disable themselves; each change is audited.
. "$(dirname "$0")/lib.sh"
start_server
uid(){ sql "SELECT id FROM users WHERE login='$1'"; }
DJUST=$(sql "SELECT dept_id FROM users WHERE login='fuyi'")

api_login leader
api GET /api/v1/users
expect_status 403 "a leader cannot list accounts"
api_login admin
api GET /api/v1/users
expect_status 200 "an admin lists the accounts"
expect_json '.total == 6' "the demo's six accounts"
expect_json '[.rows[] | select(.login=="fuyi")][0] | .name=="刘洋" and .role=="clerk" and .status=="active"' "fuyi's row"
api GET "/api/v1/users?q=cheng"
expect_json '[.rows[].login] == ["chengguan"]' "the search"
api POST /api/v1/users '{"login":"a181","name":"","role":"boss","dept":""}'
expect_status 422 "bad input is refused"
expect_json '[.errors[].field] | contains(["name","role","dept"])' "…naming the fields"
expect_eq "$(uid a181)" "" "…and adds nobody"
api POST /api/v1/users "{\"login\":\"a181\",\"name\":\"接口用户\",\"role\":\"clerk\",\"dept\":$DJUST}"
expect_status 200 "a new account"
P1=$(json .password)
expect_json '.login == "a181" and .must_change_password' "…with its one-time password"
A181=$(uid a181)
api PUT /api/v1/users/$A181 "{\"name\":\"接口用户乙\",\"role\":\"leader\",\"dept\":\"$DJUST\"}"
expect_status 200 "edited"
expect_eq "$(sql "SELECT name||'|'||role FROM users WHERE id=$A181")" "接口用户乙|leader"
api POST /api/v1/users/$(uid admin)/disable
expect_status 422 "an admin cannot disable themselves"
expect_contains "$BODY" '不能停用自己的账号'
api POST /api/v1/users/$A181/disable
expect_status 200 "disabled"
expect_eq "$(sql "SELECT disabled FROM users WHERE id=$A181")" 1
api POST /api/v1/users/$A181/enable
expect_eq "$(sql "SELECT disabled FROM users WHERE id=$A181")" 0 "enabled"
api POST /api/v1/users/$A181/reset
expect_status 200 "reset"
P2=$(json .password)
expect_ne "$P2" "$P1" "…a new one-time password"
api POST /api/v1/users/$A181/unlock
expect_status 409 "unlocking an account that is not locked says so"
expect_contains "$BODY" '当前没有登录限制，无需解除' "…in Chinese"
api POST /api/v1/users/999999/disable
expect_status 404 "an unknown account"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='user_create' AND after LIKE '%a181%'")" 1 "audited: user_create"
for a in user_rename user_role user_disable user_enable user_reset; do
  expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='$a'")" 1 "audited: $a"
done
stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the API's changes"
finish
