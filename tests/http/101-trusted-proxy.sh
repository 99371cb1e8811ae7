#!/bin/sh
# tests/http/101-trusted-proxy.sh
# Who the client is (issue 13 §1, §7): X-Forwarded-For, X-Real-IP and
# X-Forwarded-Proto are believed only from a proxy listed in
# serve --trusted-proxy; the session cookie is Secure, and HSTS is sent,
# only for HTTPS (a trusted proxy's X-Forwarded-Proto, or serve --https).
. "$(dirname "$0")/lib.sh"

# apilogin XFF LOGIN PASSWORD [extra curl args]: status of an API login.
apilogin(){
  _x=$1; _l=$2; _p=$3; shift 3
  curl -s -o "$T/al.body" -D "$T/al.hdrs" -w '%{http_code}' -H "X-Forwarded-For: $_x" \
    -H 'Content-Type: application/json' --data "{\"login\":\"$_l\",\"password\":\"$_p\"}" "$@" "$BASE/api/v1/login"
}

# 1. No --trusted-proxy: the headers are ignored, the socket address counts.
# Five wrong passwords "from" five addresses are five from 127.0.0.1.
start_server
for a in 10.1.0.1 10.1.0.2 10.1.0.3 10.1.0.4 10.1.0.5; do apilogin $a fuyi wrong-pass >/dev/null; done
expect_eq "$(apilogin 10.1.0.6 fuyi "$PW")" 429 "X-Forwarded-For from an untrusted peer does not make a new client"
expect_eq "$(sql "SELECT count(*) FROM login_fail WHERE addr LIKE '10.1.%'")" 0 "no address from the header was stored"
# X-Forwarded-Proto from an untrusted peer: no Secure, no HSTS.
anon
rm -f "$T/jar.u"; JAR=$T/jar.u; WHO=untrusted
get /login -H 'X-Forwarded-Proto: https'
_pre=$(sed -n 's/.*name="_pre" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
post /login -H 'X-Forwarded-Proto: https' --data-urlencode "_pre=$_pre" --data-urlencode login=zhengwu --data-urlencode "password=$PW"
expect_status 303 "login with X-Forwarded-Proto from an untrusted peer"
check "no Secure cookie for an untrusted X-Forwarded-Proto" sh -c "! tr -d '\r' <'$HDRS' | grep -i '^Set-Cookie: fz_session=' | grep -qi 'Secure'"
check "no HSTS for an untrusted X-Forwarded-Proto" sh -c "! grep -qi '^Strict-Transport-Security' '$HDRS'"
stop_server

# 2. A proxy list that does not name us is no trust either.
SERVE_ARGS="--trusted-proxy 10.9.9.9"
_spawn_server server
for a in 10.2.0.1 10.2.0.2 10.2.0.3 10.2.0.4 10.2.0.5; do apilogin $a shichang wrong-pass >/dev/null; done
expect_eq "$(apilogin 10.2.0.6 shichang "$PW")" 429 "X-Forwarded-For from a peer not in the list is ignored"
stop_server

# 3. Trusted: each client by its own address; the right-most address not a
# trusted proxy is the client (a client's own X-Forwarded-For entries to
# its left are not believed); X-Real-IP when there is no X-Forwarded-For.
SERVE_ARGS="--trusted-proxy 127.0.0.1,10.8.0.1"
_spawn_server server
for a in 1 2 3 4 5; do apilogin "6.6.6.$a, 10.3.0.1" leader wrong-pass >/dev/null; done
expect_eq "$(apilogin "10.3.0.2" leader "$PW")" 200 "another client behind the proxy logs in"
expect_eq "$(apilogin "7.7.7.7, 10.3.0.1" leader "$PW")" 429 "the failing client cannot dodge by prepending an address"
expect_eq "$(apilogin "10.3.0.1, 10.8.0.1" leader "$PW")" 429 "a trusted second proxy is skipped: still 10.3.0.1"
expect_eq "$(sql "SELECT count(*) FROM login_fail WHERE fkey='ua:leader 10.3.0.1' AND n>=5")" 1 "counted for 10.3.0.1"
for a in 1 2 3 4 5; do
  curl -s -o /dev/null -H "X-Real-IP: 10.4.0.1" -H 'Content-Type: application/json' \
    --data '{"login":"fuyi","password":"wrong-pass"}' "$BASE/api/v1/login"
done
expect_eq "$(sql "SELECT n FROM login_fail WHERE fkey='ua:fuyi 10.4.0.1'")" 5 "X-Real-IP names the client when there is no X-Forwarded-For"

# Secure cookie and HSTS for X-Forwarded-Proto: https from the trusted proxy.
anon
rm -f "$T/jar.s"; JAR=$T/jar.s; WHO=secure
get /login -H 'X-Forwarded-Proto: https'
expect_header '^Strict-Transport-Security: max-age=31536000' "HSTS over HTTPS"
expect_header '^Set-Cookie: fz_pre=.*; Secure' "the login form's cookie is Secure over HTTPS"
_pre=$(sed -n 's/.*name="_pre" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
post /login -H 'X-Forwarded-Proto: https' --data-urlencode "_pre=$_pre" --data-urlencode login=zhengwu --data-urlencode "password=$PW"
expect_status 303 "login over HTTPS"
expect_header '^Set-Cookie: fz_session=[0-9a-f]{64};.*; Secure' "session cookie Secure over HTTPS"
# the same server, plain http through the proxy: no Secure, no HSTS
login_attempt zhengwu "$PW"
expect_status 303
check "no Secure cookie over plain HTTP" sh -c "! tr -d '\r' <'$HDRS' | grep -i '^Set-Cookie: fz_session=' | grep -qi 'Secure'"
check "no HSTS over plain HTTP" sh -c "! grep -qi '^Strict-Transport-Security' '$HDRS'"
stop_server

# 4. serve --https: every answer is for HTTPS.
SERVE_ARGS="--https"
_spawn_server server
login_attempt chengguan "$PW"
expect_status 303
expect_header '^Set-Cookie: fz_session=[0-9a-f]{64};.*; Secure' "session cookie Secure with --https"
expect_header '^Strict-Transport-Security: max-age=31536000' "HSTS with --https"
stop_server

# 5. A bad proxy list is refused at start.
"$FAZHI" serve --db "$DB" --trusted-proxy 127.0.0.1,nginx.local >"$T/bad.out" 2>&1
expect_eq "$?" 2 "serve with a bad --trusted-proxy"
expect_contains "$T/bad.out" '“nginx.local”不是IP地址'
finish
