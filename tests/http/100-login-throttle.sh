#!/bin/sh
# tests/http/100-login-throttle.sh
# Login throttling a stranger cannot turn against the county (issue 13 §1,
# §9). The server trusts the test's curl as its reverse proxy
# (--trusted-proxy 127.0.0.1), so X-Forwarded-For names each simulated
# client's address. Limits (src/auth/auth.h, README): per account from one
# address 5 checked wrong passwords an hour; per account 10 attempts an
# hour, then only known places (where the account logged in before) and
# addresses still clean for it (at most their 3rd attempt at it this hour,
# 10 such attempts per account and hour); per address 20 attempts without
# delay, then 1, 4, 9 … s, refused after 100. More in 104.
. "$(dirname "$0")/lib.sh"
SERVE_ARGS="--trusted-proxy 127.0.0.1"
start_server

# try ADDR LOGIN PASSWORD: one API login from ADDR; prints the status.
try(){
  curl -s -o "$T/try.body" -w '%{http_code}' -H "X-Forwarded-For: $1" \
    -H 'Content-Type: application/json' --data "{\"login\":\"$2\",\"password\":\"$3\"}" "$BASE/api/v1/login"
}
# tally FILE: "checked refused" from a file of statuses (401 = the password
# was checked and wrong, 429 = refused unchecked).
tally(){ echo "$(grep -c '^401$' "$1") $(grep -c '^429$' "$1")"; }

# 1. 50 wrong passwords at admin from address A do not stop admin from B.
: >"$T/a.st"
i=0
while [ $i -lt 50 ]; do try 10.0.0.1 admin "wrong-$i" >>"$T/a.st"; echo >>"$T/a.st"; i=$((i+1)); done
set -- $(tally "$T/a.st")
expect_eq "$1" 5 "wrong passwords checked from A (the per-account-and-address limit)"
expect_eq "$2" 45 "the rest refused unchecked"
expect_eq "$(try 10.0.0.2 admin "$PW")" 200 "admin's right password from a clean address B"
expect_eq "$(try 10.0.0.2 leader "$PW")" 200 "another account from B"
expect_eq "$(try 10.0.0.1 admin "$PW")" 429 "the right password from the failing address A is refused"
expect_contains "$T/try.body" '登录失败次数过多'
# the lock is in the audit log, once
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='login_lock' AND after LIKE '%ua:admin 10.0.0.1%'")" 1 "the pair's lock audited once"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='login_lock' AND after LIKE '%\"u:admin\"%'")" 1 "the account's lock audited once"

# 2. An online guesser at one account: the right password sent as the 6th
# try from the same address is refused (only 5 were checked).
i=0
: >"$T/g.st"
while [ $i -lt 5 ]; do try 10.0.1.1 fuyi "guess-$i" >>"$T/g.st"; echo >>"$T/g.st"; i=$((i+1)); done
set -- $(tally "$T/g.st")
expect_eq "$1" 5 "five guesses checked"
expect_eq "$(try 10.0.1.1 fuyi "$PW")" 429 "the right password as the 6th try is not checked"
expect_eq "$(try 10.0.1.2 fuyi "$PW")" 200 "the owner from a clean address logs in"

# 3. Guessing from many addresses: after 10 attempts at one account in the
# hour, addresses that have tried it 3 times are refused for it; a clean
# one is not (until the clean allowance is spent, see 104).
for a in 10.0.2.1 10.0.2.2 10.0.2.3 10.0.2.4; do
  for j in 1 2 3; do try $a shichang "x-$a-$j" >/dev/null; done
done
expect_eq "$(try 10.0.2.1 shichang "another-guess")" 429 "a failing address over the account's hourly limit"
expect_eq "$(try 10.0.2.1 shichang "$PW")" 429 "…even with the right password"
expect_eq "$(try 10.0.2.9 shichang "$PW")" 200 "the owner from a clean address logs in"
expect_eq "$(try 10.0.2.8 shichang "wrong-once")" 401 "a clean address's guess is checked…"
expect_eq "$(try 10.0.2.8 shichang "wrong-twice")" 401 "…a typo more is still checked…"
expect_eq "$(try 10.0.2.8 shichang "wrong-3")" 401 "…up to its 3rd attempt…"
expect_eq "$(try 10.0.2.8 shichang "wrong-4")" 429 "…and then it is a failing address"

# 4. One address guessing across accounts: after 20 attempts it waits
# (growing delay), so its right password waits too; another address not.
i=0
: >"$T/d.st"
while [ $i -lt 24 ]; do try 10.0.3.1 "nobody$i" "pw-$i" >>"$T/d.st"; echo >>"$T/d.st"; i=$((i+1)); done
set -- $(tally "$T/d.st")
check "at most 21 attempts from one address checked without delay (got $1)" test "$1" -le 21
check "the address was slowed down (refused $2)" test "$2" -ge 3
expect_eq "$(try 10.0.3.1 chengguan "$PW")" 429 "the delayed address waits even for a right password"
expect_contains "$T/try.body" '秒后再试'
expect_eq "$(try 10.0.3.2 chengguan "$PW")" 200 "another address is not affected"

# 5. Concurrent guesses (§9): 40 wrong passwords at once at one account from
# one address, over two servers: at most 5 are checked.
start_second_server
: >"$T/c.st"
i=0
PIDS=
while [ $i -lt 40 ]; do
  if [ $((i % 2)) = 0 ]; then B=$BASE1; else B=$BASE2; fi
  ( curl -s -o /dev/null -w '%{http_code}\n' -H "X-Forwarded-For: 10.0.4.1" -H 'Content-Type: application/json' \
      --data "{\"login\":\"leader\",\"password\":\"bad-$i\"}" "$B/api/v1/login" >>"$T/c.st" ) &
  PIDS="$PIDS $!"
  i=$((i+1))
done
wait $PIDS       # the clients only: the servers are children of this shell too
set -- $(tally "$T/c.st")
check "40 concurrent wrong passwords over two servers: at most 5 checked (got $1)" test "$1" -le 5
expect_eq "$(($1 + $2))" 40 "every answer was 401 or 429"
on_server 2
expect_eq "$(try 10.0.4.1 leader "$PW")" 429 "the right password from that address afterwards is refused"
on_server 1
expect_eq "$(try 10.0.4.2 leader "$PW")" 200 "the owner elsewhere logs in"

# 6. An admin sees the locks and lifts one (audited).
"$FAZHI" user --db "$DB" locks >"$T/locks.out" 2>&1
expect_eq "$?" 0 "fazhi user locks"
expect_contains "$T/locks.out" 'admin            10.0.0.1'
expect_contains "$T/locks.out" '账号在该地址'
"$FAZHI" user --db "$DB" unlock admin >"$T/unlock.out" 2>&1
expect_eq "$?" 0 "fazhi user unlock admin"
expect_contains "$T/unlock.out" '已解除“admin”的登录限制'
expect_eq "$(sql "SELECT count(*) FROM login_fail WHERE login='admin'")" 0 "the account's rows are gone"
expect_eq "$(sql "SELECT count(*) FROM login_fail WHERE fkey='ip:10.0.0.1' AND n>0")" 1 "…the address's own count stays"
"$FAZHI" user --db "$DB" unlock 10.0.0.1 >"$T/unlock.out" 2>&1
expect_eq "$?" 0 "fazhi user unlock 10.0.0.1"
expect_eq "$(try 10.0.0.1 admin "$PW")" 200 "after both unlocks, admin from A logs in"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='login_unlock' AND before LIKE '%"u:admin"%'")" 1 "the account's unlock audited"
"$FAZHI" user --db "$DB" unlock 10.0.3.1 >"$T/unlock.out" 2>&1
expect_eq "$?" 0 "fazhi user unlock ADDR"
expect_eq "$(try 10.0.3.1 chengguan "$PW")" 200 "after unlocking the address, its right password works"
"$FAZHI" user --db "$DB" unlock 10.0.3.1 >"$T/unlock.out" 2>&1
expect_eq "$?" 1 "unlocking what is not locked fails"
expect_contains "$T/unlock.out" '没有登录限制'

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after locks and unlocks"
finish
