#!/bin/sh
# tests/http/098-two-servers.sh
# Two `fazhi serve` processes on one database, as behind a reverse proxy:
# a user logs in through one and works through the other; a logout or a
# lock-out on one holds on the other at once; simultaneous writes through
# both lose nothing, and the audit log stays one unbroken chain that
# `fazhi check` verifies. (Run on SQLite and, by make test, on PostgreSQL.)
. "$(dirname "$0")/lib.sh"
start_server
# The second server as one of several on a machine: its share of the CPUs.
SERVE_ARGS="--threads 1" start_second_server
expect_ne "$BASE1" "$BASE2" "two servers on two ports"
"$FAZHI" serve --db "$DB" --threads 0 >"$T/threads.out" 2>&1
expect_eq "$?" 2 "serve --threads 0 is refused"
expect_contains "$T/threads.out" '--threads 应为 1 到 256 之间的整数'


# 1. A web session made on server 1 is valid on server 2.
on_server 1
login fuyi
on_server 2
get /k/reconsideration
expect_status 200 "server 2 serves the session made on server 1"
expect_contains "$BODY" '行政复议'
post_form /k/reconsideration/new case_no=示复〔2026〕双-1号 applicant=双某 respondent=示范县公安局 \
  matter=penalty received=2026-06-22 procedure=ordinary
expect_status 303 "a form posted to server 2 with server 1's session and CSRF token"
R1=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
on_server 1
get "/k/reconsideration/$R1"
expect_status 200 "server 1 shows the record created through server 2"
expect_contains "$BODY" '示复〔2026〕双-1号'

# 2. Logout through server 2 ends the session on server 1 at once.
on_server 2
post_form /logout
expect_status 303 "logout through server 2"
on_server 1
get /k/reconsideration
expect_status 303 "server 1 no longer accepts the ended session"
expect_eq "$(location | sed 's/?.*//')" "/login" "…and sends to the login page"

# 3. An API token from server 2 works on server 1.
on_server 2
api_login fuyi
on_server 1
api GET "/api/v1/k/reconsideration/$R1"
expect_status 200 "server 1 accepts server 2's token"
expect_json '.fields.case_no == "示复〔2026〕双-1号"'

# 4. Failed logins count across servers: three on one, three on the other
# lock the account on both.
i=0
while [ $i -lt 3 ]; do
  on_server 1; login_attempt chengguan "wrong-a$i"
  on_server 2; login_attempt chengguan "wrong-b$i"
  i=$((i+1))
done
expect_status 429 "the 6th wrong password (alternating servers) is refused as a lock-out"
on_server 1
login_attempt chengguan "$PW"
expect_status 429 "the right password is refused on server 1 while locked"
on_server 2
login_attempt chengguan "$PW"
expect_status 429 "…and on server 2"
expect_contains "$BODY" '登录失败次数过多'

# 5. Simultaneous writes through both servers: 30 creates each, all kept;
# 10 copies of one case number spread over both give exactly one record.
N_BEFORE=$(sql "SELECT count(*) FROM reconsideration")
: >"$T/codes"
create_on(){   # BASE CASE-NO
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data "{\"case_no\":\"$2\",\"applicant\":\"并某\",\"respondent\":\"示范县公安局\",\"matter\":\"other\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\"}" \
    "$1/api/v1/k/reconsideration" >>"$T/codes"
}
P=
i=1
while [ $i -le 30 ]; do
  create_on "$BASE1" "示复〔2026〕甲-$i号" & P="$P $!"
  create_on "$BASE2" "示复〔2026〕乙-$i号" & P="$P $!"
  i=$((i+1))
done
wait $P
expect_eq "$(sort "$T/codes" | uniq -c | tr -s ' ' | sed 's/^ //')" "60 201" "60 concurrent creates over two servers all succeed"
: >"$T/codes"
P=
i=1
while [ $i -le 5 ]; do
  create_on "$BASE1" "示复〔2026〕同号" & P="$P $!"
  create_on "$BASE2" "示复〔2026〕同号" & P="$P $!"
  i=$((i+1))
done
wait $P
expect_eq "$(grep -c '^201$' "$T/codes")" 1 "one of 10 duplicates over two servers is created"
expect_eq "$(grep -c '^422$' "$T/codes")" 9 "the other 9 are refused as duplicates"
expect_eq "$(sql "SELECT count(*) FROM reconsideration")" "$((N_BEFORE+61))" "61 records written"
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE case_no LIKE '示复〔2026〕乙-%'")" 30 "server 2's 30 are all there"

# 6. The audit log is one chain: ids consecutive, each entry hashing the
# one before, every record as last logged.
stop_server
N_AUDIT=$(sql "SELECT count(*) FROM audit")
expect_eq "$(sql "SELECT max(id) FROM audit")" "$N_AUDIT" "audit ids run 1..N without gaps"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check exit status"
expect_contains "$T/check.out" "审计日志${N_AUDIT}条，哈希链完整"
finish
