#!/bin/sh
# tests/http/150-db-outage.sh
# A database outage is an outage, and the server comes back by itself.
# On PostgreSQL (the PostgreSQL tier, FZ_PG_BASE set), with a cluster of
# this script's own (tools/pgtmp.sh; the tier's cluster is shared by other
# scripts, so it is never restarted here):
#  - while the cluster is stopped, a valid token gets 503 (not 401), an
#    existing record 503 (not 404), a create 503 (not 422), a login 503
#    (not "wrong password"), each with Retry-After and a Chinese message,
#    and the error log says why;
#  - after it starts again, the very next writes and logins succeed with
#    no GET in between (a server that only receives writes used to stay
#    broken until some GET reconnected it);
#  - restarted under a load of writes and logins only, no answer is ever
#    401, 404 or 422, and once it is back every write succeeds.
# On either backend: `fazhi serve --threads 1` says nothing on stderr
# (libmicrohttpd used to warn that a pool of 1 is ignored).
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

# ---- --threads 1 (both backends) -------------------------------------------
SERVE_ARGS="--threads 1" start_server
get /login
expect_status 200 "a server with --threads 1 serves"
stop_server
# (a random port found taken on a first try leaves its lines: not ours)
grep -v -e 'Failed to bind' -e '端口被占用' "$T/server.err" >"$T/threads1.err"
expect_eq "$(grep -c . "$T/threads1.err")" 0 "serve --threads 1 prints nothing on stderr (no thread-pool warning)"
head -3 "$T/threads1.err" | sed 's/^/     | /'

if [ -z "${FZ_PG_BASE:-}" ]; then
  echo "     (the outage checks need PostgreSQL: they run in the PostgreSQL tier)"
  finish
fi

# ---- a cluster of our own --------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg(){ if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if ! _out=$(sh "$HERE/../../tools/pgtmp.sh" start 2>&1); then
  fail "could not start a private PostgreSQL cluster"; printf '%s\n' "$_out" | sed 's/^/     | /' | head
  finish
fi
MY_DIR=$(eval "$_out"; echo "$FZ_PG_DIR")
MY_PID=$(eval "$_out"; echo "$FZ_PG_PID")
MY_PORT=$(eval "$_out"; echo "$FZ_PG_PORT")
MY_BASE="host=127.0.0.1 port=$MY_PORT user=fazhi"
my_pg_stop(){ as_pg "$PGBIN/pg_ctl" -D "$MY_DIR/data" -w -t 60 -m fast stop >/dev/null 2>&1; }
my_pg_start(){
  as_pg "$PGBIN/pg_ctl" -D "$MY_DIR/data" -l "$MY_DIR/server.log" -w -t 60 \
    -o "-p $MY_PORT -k $MY_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
}
my_cleanup(){
  _cleanup
  _p=$(head -n 1 "$MY_DIR/data/postmaster.pid" 2>/dev/null)
  FZ_PG_PID=${_p:-$MY_PID} FZ_PG_DIR=$MY_DIR sh "$HERE/../../tools/pgtmp.sh" stop
}
trap my_cleanup EXIT

# The demo county in it: a copy of the tier's demo database when there is one.
psql -q "$MY_BASE dbname=postgres" -c "CREATE DATABASE outage" >/dev/null || { fail "createdb"; finish; }
DB="$MY_BASE dbname=outage"
if [ -n "${FZ_PG_DEMO:-}" ]; then
  pg_dump -Fc "$FZ_PG_BASE dbname=$FZ_PG_DEMO" >"$T/demo.dump" && pg_restore -d "$DB" "$T/demo.dump" >/dev/null 2>"$T/restore.err" \
    || { fail "could not copy the demo database"; sed 's/^/     | /' "$T/restore.err" | head; finish; }
else
  "$FAZHI" demo --db "$DB" --no-serve >/dev/null 2>"$T/demo.err" || { fail "fazhi demo"; finish; }
fi
REC=$(psql -qAtX "$DB" -c "SELECT min(id) FROM reconsideration WHERE dept_id=(SELECT id FROM dept WHERE name='示范县司法局')")

SERVE_ARGS="--threads 2" _spawn_server server
api_login fuyi
TOK1=$TOKEN
put_rec(){   # VALUE: a write through the API
  api PUT "/api/v1/k/reconsideration/$REC" "{\"note\":\"$1\"}"
}
create_rec(){   # CASE-NO
  api POST /api/v1/k/reconsideration "{\"case_no\":\"$1\",\"applicant\":\"停某\",\"respondent\":\"示范县公安局\",\"matter\":\"other\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\"}"
}
put_rec before
expect_status 200 "a write before the outage"

# 1. The cluster is down: every answer is 503, never a verdict on the request.
my_pg_stop
put_rec during
expect_status 503 "a write with a valid token while the database is down: 503, not 401"
expect_header '^Retry-After: [0-9]+' "…with Retry-After"
expect_json '.error.message == "数据库暂时不可用，请稍后重试"' "…and a Chinese message"
api GET "/api/v1/k/reconsideration/$REC"
expect_status 503 "an existing record while the database is down: 503, not 404"
expect_not_contains "$BODY" '不存在'
create_rec "示复〔2026〕停-0号"
expect_status 503 "a create while the database is down: 503, not 422"
expect_not_contains "$BODY" 'fields'
TOKEN=
api POST /api/v1/login '{"login":"fuyi","password":"demo-2026"}'
expect_status 503 "a correct login while the database is down: 503, not a wrong password"
expect_not_contains "$BODY" '账号或密码错误'
JAR=
get /k/reconsideration -H "Cookie: fz_session=$TOK1"
expect_status 503 "a page with a valid session cookie: 503, not a redirect to the login page"
expect_contains "$BODY" '数据库暂时不可用'
TOKEN=$TOK1
expect_contains "$T/server.err" "数据库暂时不可用（503）" "the error log has a line for the outage"
expect_contains "$T/server.err" "PUT /api/v1/k/reconsideration/$REC: 数据库暂时不可用" "…naming the request"

# 2. It is back: the next writes and logins succeed, with no GET before them.
my_pg_start || { fail "could not start the cluster again"; finish; }
i=1; bad=
while [ $i -le 6 ]; do
  put_rec "after-$i"; [ "$STATUS" = 200 ] || bad="$bad put:$STATUS"
  TOKEN=; api POST /api/v1/login '{"login":"fuyi","password":"demo-2026"}'; [ "$STATUS" = 200 ] || bad="$bad login:$STATUS"
  TOKEN=$TOK1
  create_rec "示复〔2026〕复-$i号"; [ "$STATUS" = 201 ] || bad="$bad create:$STATUS"
  i=$((i+1))
done
expect_eq "${bad:-none}" none "after the restart every write, login and create succeeds at once (2 server threads, 6 rounds)"
expect_eq "$(psql -qAtX "$DB" -c "SELECT note FROM reconsideration WHERE id=$REC")" after-6 "…and the writes are stored"

# 3. A restart under a load of writes and logins only (no GET at all).
# Each client goes on until it has made 10 rounds after the cluster is
# back ($T/up), labelling each answer with whether it was asked after.
load(){   # TAG: rounds of a write and a login, "before|up STATUS" lines to $T/load.TAG
  _j=0; _up=0
  while [ $_up -lt 10 ] && [ $_j -lt 3000 ]; do
    _ph=before; [ -f "$T/up" ] && _ph=up
    curl -s -o /dev/null -w "$_ph %{http_code}\n" -X PUT -H "Authorization: Bearer $TOK1" -H 'Content-Type: application/json' \
      --data "{\"note\":\"load-$1-$_j\"}" "$BASE/api/v1/k/reconsideration/$REC" >>"$T/load.$1"
    curl -s -o /dev/null -w "$_ph %{http_code}\n" -H 'Content-Type: application/json' \
      --data '{"login":"chengguan","password":"demo-2026"}' "$BASE/api/v1/login" >>"$T/load.$1"
    [ $_ph = up ] && _up=$((_up+1))
    _j=$((_j+1))
  done
}
load a & L1=$!
load b & L2=$!
sleep 1
my_pg_stop
sleep 1
my_pg_start || fail "could not start the cluster again"
touch "$T/up"
wait $L1 $L2
cat "$T/load.a" "$T/load.b" >"$T/load.all"
expect_eq "$(grep -cvE ' (200|503)$' "$T/load.all")" 0 "under load through a restart every answer is 200 or 503 (no 401, 404, 422, 500)"
grep -vE ' (200|503)$' "$T/load.all" | sort | uniq -c | head -5 | sed 's/^/     | /'
expect_ne "$(grep -c ' 503$' "$T/load.all")" 0 "…the ones during the outage 503"
expect_eq "$(grep -c '^up ' "$T/load.all")" 40 "…and each client made 10 rounds once it was back"
expect_eq "$(grep '^up ' "$T/load.all" | grep -vc ' 200$')" 0 "…every one of them 200"
put_rec final
expect_status 200 "a write after the load"
# The outage lines are expected here; lib.sh counts any "fazhi: " line
# as an internal error, so they are set aside before the server stops.
grep -vE '数据库暂时不可用|无法连接PostgreSQL数据库' "$T/server.err" >"$T/server.rest"
expect_eq "$(grep -c '^fazhi: ' "$T/server.rest")" 0 "nothing but outage lines in the error log"
grep '^fazhi: ' "$T/server.rest" | head -5 | sed 's/^/     | /'
: >"$T/server.err"
finish
