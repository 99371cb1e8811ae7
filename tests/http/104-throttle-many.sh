#!/bin/sh
# tests/http/104-throttle-many.sh
# Login throttling against a guesser with many addresses, without locking
# the owner out (review of issue 13; limits in src/auth/auth.h and the
# README): IPv6 clients count by their /64; per account 10 attempts an
# hour, then 10 more from addresses still "clean" for it (at most their 3rd
# attempt at it this hour), so at most 20 checked guesses an hour however
# many addresses; an address or a browser (fz_device cookie) where the
# account logged in before is spared the account-wide limits, so the
# owner's typo during an attack does not lock the owner out. Also:
# `fazhi user unlock ""` is refused, an IPv6 address unlocks its /64, and
# a login whose account cannot be loaded after a right password is "账号或
# 密码错误" (it sent an uninitialised message). The server trusts the
# test's curl as its proxy, so X-Forwarded-For names each client.
. "$(dirname "$0")/lib.sh"
SERVE_ARGS="--trusted-proxy 127.0.0.1"
start_server

# try ADDR LOGIN PASSWORD: one API login from ADDR; prints the status.
try(){
  curl -s -o "$T/try.body" -w '%{http_code}' -H "X-Forwarded-For: $1" \
    -H 'Content-Type: application/json' --data "{\"login\":\"$2\",\"password\":\"$3\"}" "$BASE/api/v1/login"
}
# weblogin JAR ADDR LOGIN PASSWORD: a login through the form from ADDR with
# the browser's cookie jar JAR (kept: it holds the device cookie; an
# earlier session in it is dropped, as after logging out); status.
weblogin(){
  if [ -f "$1" ]; then grep -v 'fz_session' "$1" >"$1.tmp"; mv "$1.tmp" "$1"; fi
  curl -s -o "$T/wl.body" -b "$1" -c "$1" -H "X-Forwarded-For: $2" "$BASE/login" >/dev/null
  _pre=$(sed -n 's/.*name="_pre" value="\([0-9a-f]*\)".*/\1/p' "$T/wl.body" | head -1)
  curl -s -o "$T/wl.body" -D "$T/wl.hdrs" -w '%{http_code}' -b "$1" -c "$1" -H "X-Forwarded-For: $2" \
    --data-urlencode "_pre=$_pre" --data-urlencode "login=$3" --data-urlencode "password=$4" "$BASE/login"
}

# 1. IPv6: eight hosts of one /64 are one address for the limits.
: >"$T/v6.st"
for h in 1 2 3 4 5 6 7 8; do try "2001:db8:1:2::$h" admin "wrong-$h" >>"$T/v6.st"; echo >>"$T/v6.st"; done
expect_eq "$(grep -c '^401$' "$T/v6.st")" 5 "8 wrong passwords from one IPv6 /64: 5 checked"
expect_eq "$(try 2001:db8:1:2::ffff admin "$PW")" 429 "another host of that /64 is refused too"
expect_eq "$(sql "SELECT n FROM login_fail WHERE fkey='ua:admin 2001:db8:1:2::/64'")" 9 "counted under the /64"
expect_eq "$(try 2001:db8:1:3::1 admin "$PW")" 200 "another /64 logs in"
"$FAZHI" user --db "$DB" unlock 2001:db8:1:2::77 >"$T/u6.out" 2>&1
expect_eq "$?" 0 "unlock names any address of the /64"
expect_eq "$(try 2001:db8:1:2::5 admin "$PW")" 200 "after the unlock, admin from that /64 logs in"

# 2. The owner of fuyi logged in yesterday (here: before the attack) from
# a browser at 10.50.0.1 and through the API from 10.50.0.2.
JARO=$T/jar.owner
expect_eq "$(weblogin "$JARO" 10.50.0.1 fuyi "$PW")" 303 "the owner's browser logs in"
check "the browser got a device cookie" grep -q 'fz_device' "$JARO"
grep -i '^Set-Cookie: fz_device=' "$T/wl.hdrs" | tr -d '\r' >"$T/devcookie"
expect_contains "$T/devcookie" 'HttpOnly; SameSite=Strict; Max-Age=7776000'
expect_eq "$(sql "SELECT count(*) FROM login_known WHERE login='fuyi' AND fkey LIKE 'd:fuyi %'")" 1 "only the device token's hash is stored"
_tok=$(awk '$6=="fz_device"{print $7}' "$JARO")
expect_eq "$(sql "SELECT count(*) FROM login_known WHERE fkey LIKE '%$_tok%'")" 0 "the token itself is not in the database"
expect_eq "$(try 10.50.0.2 fuyi "$PW")" 200 "the owner's API client logs in"

# 3. A guesser with 40 addresses, 3 guesses from each, within the hour:
# 20 are checked (10 on the account, 10 on the clean allowance).
: >"$T/g.st"
i=1
while [ $i -le 40 ]; do
  for j in 1 2 3; do try "10.60.$i.1" fuyi "guess-$i-$j" >>"$T/g.st"; echo >>"$T/g.st"; done
  i=$((i+1))
done
expect_eq "$(grep -c '^401$' "$T/g.st")" 20 "120 guesses from 40 addresses: 20 checked"
expect_eq "$(grep -c '^429$' "$T/g.st")" 100 "the rest refused unchecked"
expect_eq "$(try 10.61.0.1 fuyi "$PW")" 429 "a new address without the device cookie waits for the hour"

# 4. The owner is not locked out: a typo, then the right password, from the
# known browser (even at an address it has never used) and from the known
# API address.
expect_eq "$(weblogin "$JARO" 10.62.0.1 fuyi wrong-typo)" 401 "the owner's typo in the browser is checked"
expect_eq "$(weblogin "$JARO" 10.62.0.1 fuyi "$PW")" 303 "…and the right password then logs in"
expect_eq "$(try 10.50.0.2 fuyi wrong-typo)" 401 "the owner's typo from the known address is checked"
expect_eq "$(try 10.50.0.2 fuyi "$PW")" 200 "…and the right password then logs in"
# a forged device cookie is no known device
echo "127.0.0.1	FALSE	/	FALSE	0	fz_device	00000000000000000000000000000000000000000000000000000000000000ff" >"$T/jar.forged"
expect_eq "$(weblogin "$T/jar.forged" 10.63.0.1 fuyi "$PW")" 429 "an unknown device token does not pass"
"$FAZHI" user --db "$DB" locks >"$T/locks.out" 2>&1
expect_contains "$T/locks.out" '新地址的尝试也已用完'

# 5. fazhi user unlock "" is refused and removes nothing.
_before=$(sql "SELECT count(*) FROM login_fail")
"$FAZHI" user --db "$DB" unlock "" >"$T/ue.out" 2>&1
expect_eq "$?" 1 "unlock of an empty name fails"
expect_contains "$T/ue.out" '请指明要解除限制的账号或地址'
expect_eq "$(sql "SELECT count(*) FROM login_fail")" "$_before" "…and removes nothing"

# 6. A right password for an account that cannot be loaded (its department
# row gone: only by hand, SQLite) answers 账号或密码错误, not garbage.
if [ -z "${FZ_PG_BASE:-}" ]; then
  sql "PRAGMA foreign_keys=OFF; UPDATE users SET dept_id=987654 WHERE login='chengguan'"
  expect_eq "$(try 10.70.0.1 chengguan "$PW")" 401 "an account that cannot be loaded"
  expect_contains "$T/try.body" '"message":"账号或密码错误"'
fi
finish
