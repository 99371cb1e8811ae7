# tests/http/lib.sh — helpers for the HTTP tests (cgit t/setup.sh style).
#
# A test script sources this file, calls start_server, drives the server
# with curl and ends with finish, which stops the server by PID and prints
# "N passed, N failed" as its last line.
#
#   . "$(dirname "$0")/lib.sh"
#   start_server
#   login admin
#   get /k/reconsideration
#   expect_status 200
#   expect_contains "$BODY" '共 '
#   finish
#
# The binary is $FAZHI (exported by run.sh) or the script's first argument.
# Every request leaves its body in $BODY, its headers in $HDRS and its status
# in $STATUS (also in the file $T/status, so it survives a pipe).
#
# Environment:
#   FAZHI          path of the fazhi binary
#   FAZHI_TODAY    pinned "today" for the demo data and the server
#                  (default 2026-06-30, so every figure is reproducible)
#   FAZHI_SAN=1    the binary has ASan/UBSan: fail on their reports
#   FZ_DEMO_DB     a demo database made by run.sh, copied instead of rebuilt
#   FZ_PG_BASE     run on PostgreSQL: conninfo of a cluster (tools/pgtmp.sh);
#                  each script gets its own database, a copy of FZ_PG_DEMO
#                  (a database in that cluster) when run.sh made one
#   FAZHI_KEY_FILE the audit key of a PostgreSQL database (run.sh sets one
#                  for the whole run; a SQLite database F has F.key, which
#                  start_server and db_copy copy along)
#   FZ_KEEP=1      keep the temporary directory (its path is printed)
#   FZ_VERBOSE=1   print every passing check too

if [ -z "${FAZHI:-}" ] && [ -n "${1:-}" ]; then FAZHI=$1; fi
if [ -z "${FAZHI:-}" ]; then
  echo "usage: FAZHI=path/to/fazhi sh $0   (or: sh $0 path/to/fazhi)" >&2
  exit 2
fi
case $FAZHI in /*) ;; *) FAZHI=$(cd "$(dirname "$FAZHI")" && pwd)/$(basename "$FAZHI") ;; esac
export FAZHI
: "${FAZHI_TODAY:=2026-06-30}"
export FAZHI_TODAY
# A binary built with -fsanitize=address (make san) is checked for reports.
if [ -z "${FAZHI_SAN:-}" ] && grep -q __asan_init "$FAZHI" 2>/dev/null; then FAZHI_SAN=1; fi
export FAZHI_SAN
PW=demo-2026
LC_ALL=C.UTF-8; export LC_ALL

TEST_NAME=$(basename "$0" .sh)
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-http-$TEST_NAME.XXXXXX")
BODY=$T/body
HDRS=$T/headers
STATUS=0
NPASS=0
NFAIL=0
SERVER_PID=
PORT=
BASE=
if [ -n "${FZ_PG_BASE:-}" ]; then
  DBNAME=t_$(echo "$TEST_NAME" | tr -c 'a-z0-9\n' '_')_$$
  DB="$FZ_PG_BASE dbname=$DBNAME"
  DROP_ON=" ON audit"      # DROP TRIGGER names its table on PostgreSQL
  # the audit chain's key (run.sh shares one with the demo it made)
  if [ -z "${FAZHI_KEY_FILE:-}" ] && [ -z "${FAZHI_KEY:-}" ]; then FAZHI_KEY_FILE=$T/pg.key; export FAZHI_KEY_FILE; fi
else
  DB=$T/t.db
  DROP_ON=
fi
JAR=                       # cookie jar of the current web user ("" = anonymous)
CSRF=                      # that user's CSRF token
TOKEN=                     # bearer token of the current API user
WHO=anonymous

# ---- results ---------------------------------------------------------------

pass(){ NPASS=$((NPASS+1)); [ -n "${FZ_VERBOSE:-}" ] && echo "ok   $*"; return 0; }
fail(){
  NFAIL=$((NFAIL+1))
  echo "FAIL [$TEST_NAME] $*"
  return 1
}
# note TEXT: context printed only with failures around it
note(){ echo "     $*"; }

# check DESC CMD...: passes when CMD succeeds.
check(){
  _d=$1; shift
  if "$@"; then pass "$_d"; else fail "$_d"; fi
}

expect_status(){
  _want=$1; _d=${2:-}
  if [ "$STATUS" = "$_want" ]; then
    pass "status $_want $_d"
  else
    fail "expected status $_want, got $STATUS ($LAST_REQ) $_d"
    head -c 600 "$BODY" | sed 's/^/     | /'; echo
    return 1
  fi
}

# expect_contains FILE TEXT [DESC]: fixed-string match (UTF-8 as bytes).
expect_contains(){
  if grep -qF -- "$2" "$1"; then
    pass "contains $2"
  else
    fail "${3:-} expected to find «$2» in $(basename "$1") ($LAST_REQ)"
    head -c 800 "$1" | sed 's/^/     | /'; echo
    return 1
  fi
}
expect_not_contains(){
  if grep -qF -- "$2" "$1"; then
    fail "${3:-} did not expect «$2» in $(basename "$1") ($LAST_REQ)"
    grep -F -- "$2" "$1" | head -c 600 | sed 's/^/     | /'; echo
    return 1
  else
    pass "does not contain $2"
  fi
}
# expect_header REGEX [DESC]: a response header line matching the regex (grep -iE).
expect_header(){
  if tr -d '\r' <"$HDRS" | grep -qiE -- "$1"; then
    pass "header $1"
  else
    fail "${2:-} expected a header matching /$1/ ($LAST_REQ)"
    sed 's/^/     | /' "$HDRS"
    return 1
  fi
}
expect_eq(){
  if [ "$1" = "$2" ]; then pass "${3:-} = $2"; else fail "${3:-}: expected «$2», got «$1»"; return 1; fi
}
expect_ne(){
  if [ "$1" != "$2" ]; then pass "${3:-} != $2"; else fail "${3:-}: did not expect «$2»"; return 1; fi
}
# expect_json JQ-EXPR [DESC]: jq -e over the last body.
expect_json(){
  if jq -e "$1" "$BODY" >/dev/null 2>&1; then
    pass "json $1"
  else
    fail "${2:-} expected JSON where $1 ($LAST_REQ)"
    head -c 800 "$BODY" | sed 's/^/     | /'; echo
    return 1
  fi
}

# ---- the server ------------------------------------------------------------

_random_port(){
  _n=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
  echo $((20000 + _n % 40000))
}

start_server(){
  if [ -n "${FZ_PG_BASE:-}" ] && [ -n "${FZ_PG_DEMO:-}" ]; then
    psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE $DBNAME TEMPLATE $FZ_PG_DEMO STRATEGY FILE_COPY" \
      >"$T/demo.out" 2>"$T/demo.err" || { fail "could not copy the demo database"; sed 's/^/     | /' "$T/demo.err"; finish; }
  elif [ -n "${FZ_PG_BASE:-}" ]; then
    psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE $DBNAME" >"$T/demo.out" 2>"$T/demo.err"
    if ! "$FAZHI" demo --db "$DB" --no-serve >"$T/demo.out" 2>"$T/demo.err"; then
      fail "fazhi demo failed (exit $?)"; sed 's/^/     | /' "$T/demo.err"
      finish
    fi
  elif [ -n "${FZ_DEMO_DB:-}" ] && [ -f "$FZ_DEMO_DB" ]; then
    cp "$FZ_DEMO_DB" "$DB"
    if [ -f "$FZ_DEMO_DB-wal" ]; then cp "$FZ_DEMO_DB-wal" "$DB-wal"; fi
    if [ -f "$FZ_DEMO_DB.key" ]; then cp -p "$FZ_DEMO_DB.key" "$DB.key"; fi
  else
    if ! "$FAZHI" demo --db "$DB" --no-serve >"$T/demo.out" 2>"$T/demo.err"; then
      fail "fazhi demo failed (exit $?)"; sed 's/^/     | /' "$T/demo.err"
      finish
    fi
  fi
  _spawn_server server
}

# start_second_server: another `fazhi serve` on the same database (as
# several servers behind a reverse proxy); its address is $BASE2 and
# `on_server 1|2` points the requests at one or the other.
BASE1=
BASE2=
SERVER2_PID=
start_second_server(){
  _p1=$SERVER_PID; _port1=$PORT; BASE1=$BASE
  _spawn_server server2
  SERVER2_PID=$SERVER_PID; BASE2=$BASE
  SERVER_PID=$_p1; PORT=$_port1; BASE=$BASE1
}
on_server(){ if [ "$1" = 2 ]; then BASE=$BASE2; else BASE=$BASE1; fi; }

# _spawn_server NAME: a server on a free port, logging to $T/NAME.err
# (options from $SERVE_ARGS); sets SERVER_PID, PORT and BASE.
_spawn_server(){
  _try=0
  while [ $_try -lt 20 ]; do
    _try=$((_try+1))
    PORT=$(_random_port)
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" && continue   # taken
    mkdir -p "$T/srvtmp"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
      TMPDIR="$T/srvtmp" FAZHI_QUIET=1 "$FAZHI" serve --db "$DB" --listen "127.0.0.1:$PORT" ${SERVE_ARGS:-} \
      >"$T/$1.out" 2>>"$T/$1.err" &
    SERVER_PID=$!
    _i=0
    while [ $_i -lt 100 ]; do
      if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
      if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/login"; then
        BASE="http://127.0.0.1:$PORT"
        return 0
      fi
      sleep 0.1
      _i=$((_i+1))
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; fi
    SERVER_PID=
    grep -q '端口被占用' "$T/$1.err" 2>/dev/null || break
  done
  fail "the server did not start"
  sed 's/^/     | /' "$T/$1.err"
  finish
}

# stop_server: TERM by PID (both servers when there are two), then look
# for internal errors and sanitizer reports in their stderr.
stop_server(){
  if [ -n "$SERVER2_PID" ]; then _stop_one "$SERVER2_PID" server2; SERVER2_PID=; fi
  [ -n "$SERVER_PID" ] || return 0
  _stop_one "$SERVER_PID" server
  SERVER_PID=
}
_stop_one(){
  kill "$1" 2>/dev/null
  _i=0
  while kill -0 "$1" 2>/dev/null && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i+1)); done
  kill -0 "$1" 2>/dev/null && kill -9 "$1" 2>/dev/null
  wait "$1" 2>/dev/null
  # An internal error (HTTP 500) is never what a test expects.
  if grep -q '^fazhi: ' "$T/$2.err" 2>/dev/null; then
    fail "$2 logged internal errors"
    grep '^fazhi: ' "$T/$2.err" | head -10 | sed 's/^/     | /'
  fi
  if [ "${FAZHI_SAN:-}" = 1 ]; then
    if grep -qE 'ERROR: AddressSanitizer|runtime error:' "$T/$2.err"; then
      fail "sanitizer report in the $2 log"
      grep -E -A12 'ERROR: AddressSanitizer|runtime error:' "$T/$2.err" | head -60 | sed 's/^/     | /'
    else
      pass "no sanitizer report ($2)"
    fi
  fi
}

_cleanup(){
  stop_server
  if [ -n "${FZ_KEEP:-}" ]; then echo "kept $T" >&2; else rm -rf "$T"; fi
}
trap _cleanup EXIT
trap 'exit 130' INT TERM

# finish: stop the server, print the tally (the last line), exit non-zero on failure.
finish(){
  stop_server
  echo "$NPASS passed, $NFAIL failed"
  [ "$NFAIL" -eq 0 ]
  exit $?
}

# ---- requests --------------------------------------------------------------

LAST_REQ=
# req METHOD PATH [curl args...]: the body goes to $BODY, headers to $HDRS.
req(){
  _m=$1; _p=$2; shift 2
  LAST_REQ="$WHO $_m $_p"
  if [ -n "$JAR" ]; then
    STATUS=$(curl -s -X "$_m" -o "$BODY" -D "$HDRS" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$BASE$_p")
  else
    STATUS=$(curl -s -X "$_m" -o "$BODY" -D "$HDRS" -w '%{http_code}' "$@" "$BASE$_p")
  fi
  echo "$STATUS" >"$T/status"
}
get(){ _p=$1; shift; req GET "$_p" "$@"; }
# post PATH [curl args]: raw form POST (no CSRF token added).
post(){ _p=$1; shift; req POST "$_p" "$@"; }
# post_form PATH name=value ...: urlencoded form with the user's _csrf.
post_form(){
  _p=$1; shift
  _n=$#
  _i=0
  while [ $_i -lt $_n ]; do
    set -- "$@" --data-urlencode "$1"
    shift
    _i=$((_i+1))
  done
  req POST "$_p" --data-urlencode "_csrf=$CSRF" "$@"
}
# post_file PATH FILE: multipart upload as the import page sends it.
post_file(){
  req POST "$1" -F "_csrf=$CSRF" -F "file=@$2;filename=$(basename "$2")"
}
# location: the Location header of the last answer.
location(){ tr -d '\r' <"$HDRS" | sed -n 's/^[Ll]ocation: //p' | tail -1; }

# ---- users -----------------------------------------------------------------

# as USER: act as an already logged-in web user ("" = anonymous).
as(){
  if [ -z "$1" ] || [ "$1" = anonymous ]; then JAR=; CSRF=; WHO=anonymous; return; fi
  WHO=$1
  JAR=$T/jar.$1
  CSRF=$(cat "$T/csrf.$1" 2>/dev/null)
}
anon(){ as ""; }

# login_attempt USER PASSWORD [next]: one web login through the form, with a
# fresh cookie jar; leaves the answer in $STATUS/$BODY.
login_attempt(){
  WHO=$1
  JAR=$T/jar.$1
  rm -f "$JAR"
  get "/login"
  _pre=$(sed -n 's/.*name="_pre" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
  if [ -n "${3:-}" ]; then
    post /login --data-urlencode "_pre=$_pre" --data-urlencode "login=$1" \
      --data-urlencode "password=$2" --data-urlencode "next=$3"
  else
    post /login --data-urlencode "_pre=$_pre" --data-urlencode "login=$1" --data-urlencode "password=$2"
  fi
}

# save_csrf USER: after a successful login_attempt, fetch the dashboard and
# keep the session's CSRF token (from any page's hidden _csrf input).
save_csrf(){
  as "$1"
  get /
  sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1 >"$T/csrf.$1"
  as "$1"
}

# login USER: log in through the web form and remember the CSRF token.
login(){
  login_attempt "$1" "${2:-$PW}"
  if [ "$STATUS" != 303 ]; then
    fail "login $1: status $STATUS"
    return 1
  fi
  save_csrf "$1"
  if [ -z "$CSRF" ]; then fail "login $1: no _csrf on the dashboard"; return 1; fi
  return 0
}

# first_login USER ONE_TIME_PASSWORD NEW_PASSWORD: log in with a password
# printed by init / user add / user reset, change it on the form the server
# sends the user to (a one-time password allows nothing else), and stay
# logged in as USER with the CSRF token saved.
first_login(){
  login_attempt "$1" "$2"
  if [ "$STATUS" != 303 ] || [ "$(location)" != /account ]; then
    fail "first_login $1: status $STATUS to «$(location)», not 303 to /account"
    return 1
  fi
  as "$1"
  get /account
  CSRF=$(sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
  post_form /account "old=$2" "new=$3" "new2=$3"
  if [ "$STATUS" != 303 ]; then fail "first_login $1: changing the password: status $STATUS"; return 1; fi
  save_csrf "$1"
}

# api_login USER: POST /api/v1/login; sets TOKEN (and remembers it per user).
api_login(){
  _w=$WHO; _j=$JAR
  JAR=; WHO="api:$1"
  req POST /api/v1/login -H 'Content-Type: application/json' \
    --data "{\"login\":\"$1\",\"password\":\"${2:-$PW}\"}"
  JAR=$_j
  TOKEN=$(jq -r '.token // empty' "$BODY" 2>/dev/null)
  if [ "$STATUS" != 200 ] || [ -z "$TOKEN" ]; then
    fail "api_login $1: status $STATUS"
    WHO=$_w
    return 1
  fi
  echo "$TOKEN" >"$T/token.$1"
  WHO=$_w
  return 0
}
api_as(){ TOKEN=$(cat "$T/token.$1" 2>/dev/null); }

# api METHOD PATH [JSON]: JSON API with the bearer token (none if TOKEN="").
api(){
  _m=$1; _p=$2
  _w=$WHO; _j=$JAR
  JAR=; WHO="api"
  if [ $# -ge 3 ]; then
    if [ -n "$TOKEN" ]; then
      req "$_m" "$_p" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "$3"
    else
      req "$_m" "$_p" -H 'Content-Type: application/json' --data-binary "$3"
    fi
  else
    if [ -n "$TOKEN" ]; then req "$_m" "$_p" -H "Authorization: Bearer $TOKEN"; else req "$_m" "$_p"; fi
  fi
  WHO=$_w; JAR=$_j
}
# api_get PATH [curl args]: GET with the bearer token; extra args such as
# -G --data-urlencode "f_name=值" build the query string.
api_get(){
  _p=$1; shift
  _w=$WHO; _j=$JAR
  JAR=; WHO="api"
  if [ -n "$TOKEN" ]; then req GET "$_p" -H "Authorization: Bearer $TOKEN" "$@"; else req GET "$_p" "$@"; fi
  WHO=$_w; JAR=$_j
}
# api_total PATH: "total" of a JSON list as the current API user.
api_total(){ api GET "$1"; jq -r '.total' "$BODY"; }

# list_total: the "共 N 条" of the last list page.
list_total(){ sed -n 's/.*<span>共 \([0-9]*\) 条<\/span>.*/\1/p' "$BODY" | head -1; }

# json EXPR: jq -r over the last body.
json(){ jq -r "$1" "$BODY"; }

# uniq_tag: a short value unique within this run.
_UNIQ=0
uniq_tag(){ _UNIQ=$((_UNIQ+1)); echo "T$$x$_UNIQ"; }

# sql STATEMENT: read the test database directly (never while asserting on writes).
sql(){ sql_on "$DB" "$1"; }
# sql_on DB STATEMENT: the same on another database (a copy made by db_copy).
sql_on(){
  if [ -n "${FZ_PG_BASE:-}" ]; then psql -qAtX -v ON_ERROR_STOP=1 "$1" -c "$2"
  else sqlite3 "$1" "$2"; fi
}
# stage_dir: the server's private folder for uploads and exports (beside
# a SQLite database; under the server's $TMPDIR for PostgreSQL).
stage_dir(){
  if [ -n "${FZ_PG_BASE:-}" ]; then echo "$T/srvtmp/fazhi-$(id -u)"; else echo "$DB.uploads"; fi
}
# db_copy NAME: a consistent copy of the test database (the server stopped
# first on PostgreSQL, which copies only databases nobody is connected to).
db_copy(){
  if [ -n "${FZ_PG_BASE:-}" ]; then
    psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE ${DBNAME}_$1 TEMPLATE $DBNAME STRATEGY FILE_COPY" >&2
    echo "$FZ_PG_BASE dbname=${DBNAME}_$1"
  else
    sqlite3 "$DB" ".backup '$T/$1.db'"; echo "$T/$1.db"
    if [ -f "$DB.key" ]; then cp -p "$DB.key" "$T/$1.db.key"; fi
  fi
}
