#!/bin/sh
# tests/http/160-kill9-writes.sh
# Nothing acknowledged is lost when the server dies: two API writers create
# records as fast as they can, the server is killed with SIGKILL at a random
# moment, restarted on the same database, and every create that was answered
# 201 before the kill is there exactly once. Several rounds; at the end the
# audit chain and every record still pass `fazhi check`. Runs on SQLite and,
# in the PostgreSQL tier, on PostgreSQL.
. "$(dirname "$0")/lib.sh"
start_server
api_login fuyi || finish

# writer N ROUND: creates mediation records until the server stops answering;
# each tag answered 201 goes to $T/acked, each one sent to $T/sent.
writer(){
  _i=0
  while :; do
    _i=$((_i+1))
    _tag="K9-$2-$1-$_i"
    echo "$_tag" >>"$T/sent.$1"
    _st=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST "$BASE/api/v1/k/mediation" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary "{\"dispute_no\":\"$_tag\",\"dtype\":\"neighbor\",\"summary\":\"断电测试\",\"parties\":\"甲、乙\",\"org\":\"城关镇人民调解委员会\",\"channel\":\"police\",\"received\":\"2026-06-20\"}")
    case $_st in
      201) echo "$_tag" >>"$T/acked.$1" ;;
      000) break ;;               # the server is gone
      *) echo "$_tag $_st" >>"$T/other.$1" ;;
    esac
  done
}

ROUNDS=4
r=0
while [ $r -lt $ROUNDS ]; do
  r=$((r+1))
  writer a $r & WA=$!
  writer b $r & WB=$!
  # 0.8 to 2.3 s of writes, then the kill
  ms=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 1500 + 800 ))
  sleep "$(printf '%d.%03d' $((ms/1000)) $((ms%1000)))"
  kill -9 "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=
  wait $WA $WB 2>/dev/null
  _spawn_server server
  api_as fuyi
  if [ -s "$T/other.a" ] || [ -s "$T/other.b" ]; then
    fail "round $r: writes answered other than 201 before the kill"
    cat "$T/other.a" "$T/other.b" 2>/dev/null | head -5 | sed 's/^/     | /'
    rm -f "$T/other.a" "$T/other.b"
  fi
done

cat "$T"/acked.* 2>/dev/null | sort >"$T/acked"
sql "SELECT dispute_no FROM mediation WHERE dispute_no LIKE 'K9-%'" | sort >"$T/stored"
n_acked=$(wc -l <"$T/acked" | tr -d ' ')
check "the writers got acknowledgements ($n_acked)" test "$n_acked" -gt 20
missing=$(comm -23 "$T/acked" "$T/stored" | wc -l | tr -d ' ')
expect_eq "$missing" 0 "acknowledged creates missing after $ROUNDS kills"
dups=$(uniq -d "$T/stored" | wc -l | tr -d ' ')
expect_eq "$dups" 0 "records stored twice"
cat "$T"/sent.* | sort >"$T/sent"
extra=$(comm -13 "$T/sent" "$T/stored" | wc -l | tr -d ' ')
expect_eq "$extra" 0 "records nobody sent"

# The server answers normally after the last restart, and the log is whole.
api GET /api/v1/k/mediation?dispute_no=K9-1-a-1
expect_status 200 "list after the last restart"
stop_server
if "$FAZHI" check --db "$DB" >"$T/check.out" 2>&1; then
  pass "fazhi check after $ROUNDS kills"
else
  fail "fazhi check after $ROUNDS kills"; sed 's/^/     | /' "$T/check.out" | head -20
fi
finish
