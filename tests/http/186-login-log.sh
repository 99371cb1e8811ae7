#!/bin/sh
# tests/http/186-login-log.sh
# 系统管理 · 登录日志 (/admin/logins, issue 15 §1): every login attempt is a
# row (time, login, name, address through --trusted-proxy, result 成功 /
# 密码错误 / 受限 / 已停用 / 一次性密码, channel 网页/API), never the
# password; newest first, paged, filtered by login, result and dates (a
# bad date is named beside its field). Admins only; a county's admin sees
# attempts at its own accounts, attempts at unknown logins only while it
# is the whole database's admin; fazhi check passes after.
. "$(dirname "$0")/lib.sh"
SERVE_ARGS="--trusted-proxy 127.0.0.1"
start_server

# try ADDR LOGIN PASSWORD: one API login from ADDR; prints the status.
try(){
  curl -s -o "$T/try.body" -w '%{http_code}' -H "X-Forwarded-For: $1" \
    -H 'Content-Type: application/json' --data "{\"login\":\"$2\",\"password\":\"$3\"}" "$BASE/api/v1/login"
}
u(){ "$FAZHI" user --db "$DB" "$@" >"$T/u.out" 2>"$T/u.err"; RC=$?; }

login admin
expect_eq "$(try 10.9.0.1 fuyi Wrong-Secret-77)" 401 "a wrong password"
expect_eq "$(try 10.9.0.1 fuyi "$PW")" 200 "then the right one"
expect_eq "$(try 10.9.0.2 nosuchuser Whatever-123)" 401 "an unknown login"
u disable zhengwu; expect_eq "$RC" 0 "user disable"
expect_eq "$(try 10.9.0.4 zhengwu "$PW")" 401 "a disabled account is answered as a wrong password"
i=0; while [ $i -lt 5 ]; do try 10.9.0.3 shichang "Wrong-$i" >/dev/null; i=$((i+1)); done
expect_eq "$(try 10.9.0.3 shichang "$PW")" 429 "the pair limit refuses the 6th attempt"
u reset chengguan; expect_eq "$RC" 0 "user reset"
OTP=$(sed -n 's/.*一次性密码：\([0-9a-f]*\).*/\1/p' "$T/u.out")
expect_eq "$(try 10.9.0.5 chengguan "$OTP")" 200 "a one-time password logs in"

# rows as stored: the result, channel and address; never the password
expect_eq "$(sql "SELECT result||' '||channel||' '||addr FROM login_log WHERE login='fuyi' ORDER BY id")" \
  "bad api 10.9.0.1
ok api 10.9.0.1" "fuyi's two attempts"
expect_eq "$(sql "SELECT result FROM login_log WHERE login='zhengwu'")" disabled "the disabled account's attempt"
expect_eq "$(sql "SELECT count(*) FROM login_log WHERE login='shichang' AND result='bad'")" 5 "five wrong passwords"
expect_eq "$(sql "SELECT count(*) FROM login_log WHERE login='shichang' AND result='throttled'")" 1 "one refused"
expect_eq "$(sql "SELECT result FROM login_log WHERE login='chengguan'")" temp "one-time password"
expect_eq "$(sql "SELECT result||' '||channel||' '||addr FROM login_log WHERE login='admin'")" "ok web 127.0.0.1" "the web login"
expect_eq "$(sql "SELECT count(*) FROM login_log WHERE login LIKE '%Wrong%' OR addr LIKE '%Wrong%' OR result LIKE '%Wrong%'")" 0 "no password stored"

# the page
as admin
get /admin/logins
expect_status 200 "登录日志"
for s in 登录日志 系统管理 10.9.0.1 密码错误 成功 已停用 受限 一次性密码 nosuchuser 网页 API 搜索 重置 '共 '; do
  expect_contains "$BODY" "$s" "the page shows $s"
done
expect_not_contains "$BODY" Wrong-Secret "never a password"
expect_contains "$BODY" '<td>chengguan</td>' "newest first: chengguan's login is on the first page"
get "/admin/logins?login=fuyi"
expect_eq "$(list_total)" 2 "filter by login"
get "/admin/logins?login=shichang&result=throttled"
expect_eq "$(list_total)" 1 "filter by login and result"
expect_contains "$BODY" '<option value="throttled" selected>受限</option>' "the result chosen stays selected"
TODAY=$(date -u -d '+8 hours' +%Y-%m-%d)      # the county's date: the page's zone is 北京时间 (time_zone)
get "/admin/logins?login=fuyi&from=$TODAY&to=$TODAY"
expect_eq "$(list_total)" 2 "today's rows"
get "/admin/logins?from=2000-01-01&to=2000-01-02"
expect_eq "$(list_total)" 0 "a range with no rows"
get "/admin/logins?from=2026-02-30"
expect_status 422 "a date that does not exist"
expect_contains "$BODY" '请输入正确的日期' "named beside the field"
get "/admin/logins?from=2026-03-02&to=2026-03-01"
expect_status 422 "an end before the start"
expect_contains "$BODY" '结束日期不能早于开始日期'

# paging: 25 more attempts at unknown logins from 25 addresses
i=0; while [ $i -lt 25 ]; do try "10.8.0.$i" "ghost$i" x >/dev/null; i=$((i+1)); done
get /admin/logins
N=$(list_total)
check "more than one page ($N rows)" test "$N" -gt 20
expect_contains "$BODY" '下一页' "page 1 has 下一页"
expect_not_contains "$BODY" '上一页' "page 1 has no 上一页"
expect_contains "$BODY" '<td>ghost24</td>' "the newest attempt first"
get "/admin/logins?page=2"
expect_contains "$BODY" '上一页' "page 2 has 上一页"
expect_contains "$BODY" '<td>admin</td>' "the oldest row on the last page"

# the JSON face
api_login admin
api_get /api/v1/admin/logins -G --data-urlencode login=fuyi
expect_status 200 "GET /api/v1/admin/logins"
expect_eq "$(json '.total')" 2 "fuyi's two rows"
expect_eq "$(json '[.rows[].result] | join(",")')" "ok,bad" "newest first, with their results"
expect_eq "$(json '.rows[0].result_label + " " + .rows[0].channel + " " + .rows[0].addr')" "成功 api 10.9.0.1" "label, channel, address"
api_get /api/v1/admin/logins -G --data-urlencode from=2026-13-01 --data-urlencode result=nonsense
expect_status 422 "a bad filter"
expect_contains "$BODY" '请输入正确的日期' "names the date"
expect_contains "$BODY" 'throttled' "names the results allowed"
api_login leader
api_get /api/v1/admin/logins
expect_status 403 "a leader through the API"

# admins only
login leader
get /admin/logins
expect_status 403 "a leader"
login fuyi
get /admin/logins
expect_status 403 "a clerk"
expect_not_contains "$BODY" '/admin/logins' "no 系统管理 menu for a clerk"
anon
get /admin/logins
expect_status 303 "a visitor goes to the login page"

# a second county: its admin sees its own accounts only; the first
# county's admin no longer holds the whole database
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "fazhi init of a second county"
YPW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
first_login yadmin "$YPW" Yadmin-Pass-2026x
get /admin/logins
expect_status 200 "乙县's admin"
expect_contains "$BODY" '<td>yadmin</td>' "its own admin's logins"
expect_contains "$BODY" '一次性密码' "…with the one-time password"
expect_not_contains "$BODY" 'fuyi' "not the first county's accounts"
expect_not_contains "$BODY" 'ghost' "not unknown logins"
get "/admin/logins?login=fuyi"
expect_eq "$(list_total)" 0 "filtering by another county's login finds nothing"
as admin
get /admin/logins
expect_not_contains "$BODY" 'yadmin' "the first county's admin does not see 乙县's"
expect_not_contains "$BODY" 'ghost' "nor unknown logins once the database holds two counties"
expect_contains "$BODY" 'chengguan' "its own accounts still"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
expect_contains "$T/check.out" '检查通过'
finish
