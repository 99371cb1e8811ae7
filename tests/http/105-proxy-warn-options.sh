#!/bin/sh
# tests/http/105-proxy-warn-options.sh
# Review of issue 13: the nginx set-up needs --trusted-proxy as well as
# --max-per-ip 0 (README, dist/fazhi.service): the server warns at start-up
# for --max-per-ip 0 alone and, once, when a peer that is not a trusted
# proxy sends X-Forwarded-For; an IPv6 --trusted-proxy (the server listens
# on IPv4 only) is refused. Options: a command refuses arguments it does
# not take (check --db F 12:ab with --anchor forgotten), a flag given a
# value (--https yes) and a number with trailing text (--threads 2abc).
# Uploads: a user who must still change a one-time password gets nothing
# written to disk (the request is refused anyway).
. "$(dirname "$0")/lib.sh"

# 1. The documented line, in README and the unit file.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
expect_contains "$ROOT/README.md" 'FAZHI_ARGS="--trusted-proxy 127.0.0.1 --max-per-ip 0"'
expect_contains "$ROOT/dist/fazhi.service" 'FAZHI_ARGS="--trusted-proxy 127.0.0.1 --max-per-ip 0"'
check "no README line recommends --max-per-ip 0 alone" sh -c "! grep -n 'FAZHI_ARGS=--max-per-ip 0' '$ROOT/README.md' '$ROOT/dist/fazhi.service'"

# 2. --max-per-ip 0 without --trusted-proxy: a warning at start-up, and one
# (only one) when X-Forwarded-For comes from an untrusted peer.
SERVE_ARGS="--max-per-ip 0"
start_server
expect_contains "$T/server.err" '--max-per-ip 0 而没有 --trusted-proxy'
for i in 1 2 3; do curl -s -o /dev/null -H "X-Forwarded-For: 10.9.0.$i" "$BASE/login"; done
expect_eq "$(grep -c '不在 --trusted-proxy 中' "$T/server.err")" 1 "one warning for untrusted X-Forwarded-For"
expect_contains "$T/server.err" '请加 --trusted-proxy 127.0.0.1'
stop_server

# 3. The documented line: no warning at all.
: >"$T/server.err"
SERVE_ARGS="--trusted-proxy 127.0.0.1 --max-per-ip 0"
_spawn_server server
curl -s -o /dev/null -H "X-Forwarded-For: 10.9.1.1" "$BASE/login"
check "no warning with --trusted-proxy (server.err: $(head -c 300 "$T/server.err"))" sh -c "! grep -q '警告' '$T/server.err'"

# 4. A one-time-password user's upload is refused before any byte is stored;
# a clerk's is staged (so the check can fail).
"$FAZHI" user --db "$DB" reset zhengwu >"$T/reset.out" 2>&1
_otp=$(sed -n 's/.*一次性密码：\([0-9a-f]*\).*/\1/p' "$T/reset.out")
curl -s -o "$T/l.body" -H 'Content-Type: application/json' \
  --data "{\"login\":\"zhengwu\",\"password\":\"$_otp\"}" "$BASE/api/v1/login"
_tok=$(jq -r .token "$T/l.body")
expect_eq "$(jq -r .must_change_password "$T/l.body")" true "logged in with a one-time password"
head -c 3000000 /dev/urandom > "$T/rand.csv"
curl -s -o /dev/null -w '%{http_code}' --limit-rate 1M -H "Authorization: Bearer $_tok" \
  -F "file=@$T/rand.csv;filename=a.csv" "$BASE/api/v1/k/service_case/import" >"$T/up.status" &
_up=$!
sleep 1.2
expect_eq "$(ls "$(stage_dir)" | grep -c -- -upload-)" 0 "nothing of a one-time-password user's upload is written"
wait $_up
expect_eq "$(cat "$T/up.status")" 403 "the upload is refused"
api_login shichang
curl -s -o /dev/null --limit-rate 1M -H "Authorization: Bearer $TOKEN" \
  -F "file=@$T/rand.csv;filename=a.csv" "$BASE/api/v1/k/service_case/import" &
_up=$!
sleep 1.2
expect_eq "$(ls "$(stage_dir)" | grep -c -- -upload-)" 1 "a clerk's upload is staged"
wait $_up
stop_server

# 5. An IPv6 proxy address is refused with a Chinese reason.
timeout 10 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$(_random_port)" --trusted-proxy ::1 >"$T/v6.out" 2>&1
expect_eq "$?" 2 "serve --trusted-proxy ::1"
expect_contains "$T/v6.out" '是IPv6地址：本服务只在IPv4地址上监听'

# 6. Options.
"$FAZHI" check --db "$DB" 1234:abc >"$T/o1.out" 2>&1
expect_eq "$?" 2 "check with a stray argument (--anchor forgotten)"
expect_contains "$T/o1.out" '不带参数，“1234:abc”多余'
timeout 10 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$(_random_port)" --threads 2abc >"$T/o2.out" 2>&1
expect_eq "$?" 2 "--threads 2abc"
expect_contains "$T/o2.out" '--threads 应为 1 到 256 之间的整数'
timeout 10 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$(_random_port)" --threads " 2" >"$T/o2b.out" 2>&1
expect_eq "$?" 2 "--threads with a leading space"
timeout 10 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$(_random_port)" --https yes >"$T/o3.out" 2>&1
expect_eq "$?" 2 "--https yes"
expect_contains "$T/o3.out" '选项 --https 不带值，“yes”多余'
"$FAZHI" report --db "$DB" --year 2025 --format md --appendix yes -o "$T/r.md" >"$T/o4.out" 2>&1
expect_eq "$?" 2 "--appendix yes"
"$FAZHI" user --db "$DB" disable wangwu extra >"$T/o5.out" 2>&1
expect_eq "$?" 2 "user disable with one argument too many"
"$FAZHI" extract "$T/o1.out" "$T/o2.out" >"$T/o6.out" 2>&1
expect_eq "$?" 2 "extract takes one file"
expect_contains "$T/o6.out" '最多带1个参数'
# what the commands do take still works
"$FAZHI" user --db "$DB" list >"$T/o7.out" 2>&1
expect_eq "$?" 0 "user list"
"$FAZHI" check --db "$DB" >"$T/o8.out" 2>&1
expect_eq "$?" 0 "check"
finish
