#!/bin/sh
# tests/http/140-transport.sh
# Connections and transport (issue 13 §7):
#   1. 1,100 connections trickling a header byte every 2 s from one address
#      (127.0.0.2) do not starve a normal client (127.0.0.1): the per-address
#      limit refuses most of them, the header timeout ends the rest; the
#      library's messages about them are rate-limited in the log.
#   2. With the per-address limit off (as behind nginx), slow headers and a
#      slow body are cut off after --header-timeout.
#   3. A body announced larger than the route takes is refused at once with
#      the Chinese 413 and the security headers, in the request's face.
#   4. Uploads are staged in a private folder (0700, files 0600) that the
#      next start empties of what a crashed server left; a finished import
#      or export leaves nothing there.
#   5. A client whose request waits on a server thread busy with a long
#      import is not cut off by the header timeout: the delay is the server's.
. "$(dirname "$0")/lib.sh"

# slow.py PORT N INTERVAL SECONDS [BODY]: N connections from 127.0.0.2, each
# sending one byte of an endless header (or, with BODY, of a body after
# complete headers) every INTERVAL seconds for SECONDS; prints
# "OPENED CLOSED": how many connected, how many the server had closed.
cat >"$T/slow.py" <<'EOF'
import socket, sys, time, resource
port, n, iv, dur = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
body = len(sys.argv) > 5
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
if body:
    head = b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
    trickle = b"a" * 100000
else:
    head = b""
    trickle = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100000
socks = []
for i in range(n):
    s = socket.socket()
    s.settimeout(2)
    try:
        s.bind(("127.0.0.2", 0))
        s.connect(("127.0.0.1", port))
        if head: s.sendall(head)
        socks.append([s, 0, True])
    except OSError:
        s.close()
t0 = time.time()
while time.time() - t0 < dur:
    for e in socks:
        if not e[2]: continue
        try:
            e[0].send(trickle[e[1]:e[1]+1]); e[1] += 1
        except OSError:
            e[2] = False
    time.sleep(iv)
closed = 0
for e in socks:
    if not e[2]:
        closed += 1; continue
    e[0].setblocking(False)
    try:
        if e[0].recv(100) == b"": closed += 1
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
print(len(socks), closed, flush=True)
EOF
command -v python3 >/dev/null || { fail "python3 is needed for this test"; finish; }

start_server
SDIR=$(stage_dir)

# ---- 4a. the staging folder exists and is private --------------------------
check "the staging folder exists ($SDIR)" test -d "$SDIR"
expect_eq "$(stat -c %a "$SDIR" 2>/dev/null)" 700 "staging folder mode"

# ---- 1. a flood of trickling connections from one address ------------------
python3 "$T/slow.py" "$PORT" 1100 2 14 >"$T/flood.out" 2>"$T/flood.err" &
FLOOD=$!
sleep 4
# Liveness only: the client must get its answer (10 s is far more than it needs).
STATUS=$(curl -s -o "$BODY" -w '%{http_code}' --max-time 10 "$BASE/login")
LAST_REQ="GET /login during the flood"
expect_status 200 "a normal client is served while 1,100 slow connections come from another address"
expect_contains "$BODY" '登录'
wait $FLOOD
read OPENED CLOSED <"$T/flood.out"
note "flood: $OPENED connected, $CLOSED closed by the server"
expect_eq "$CLOSED" "$OPENED" "every slow connection was refused or cut off by the end"
# …and the refusals do not flood the log (at most 20 library lines a minute).
NLOG=$(wc -l <"$T/server.err")
check "the flood left $NLOG log lines (≤ 25)" test "$NLOG" -le 25

# ---- 3. a body announced too large: refused before it is read ---------------
# announced PATH TYPE: headers only, Content-Length 5 MB; the answer within 5 s.
announced(){
  python3 - "$PORT" "$1" "$2" >"$T/announced" <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.settimeout(5)
s.sendall(("POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: 5000000\r\n\r\n" % (sys.argv[2], sys.argv[3])).encode())
out = b""
try:
    while True:
        b = s.recv(65536)
        if not b: break
        out += b
except OSError:
    pass
sys.stdout.buffer.write(out)
EOF
  LAST_REQ="POST $1 announcing 5 MB"
  STATUS=$(sed -n '1s/^HTTP\/1.1 \([0-9]*\).*/\1/p' "$T/announced")
  tr -d '\r' <"$T/announced" | sed '/^$/,$d' >"$HDRS"
  tr -d '\r' <"$T/announced" | sed '1,/^$/d' >"$BODY"
}
announced /api/v1/k/reconsideration application/json
expect_status 413 "API body announced over 1 MB: answered without waiting for it"
expect_json '.error.code == 413 and (.error.message | startswith("提交的内容过大"))'
expect_header '^Content-Security-Policy: default-src'
expect_header '^X-Content-Type-Options: nosniff'
announced /login application/x-www-form-urlencoded
expect_status 413 "form body announced over 1 MB"
expect_contains "$BODY" '提交的内容过大'
expect_contains "$BODY" '<!DOCTYPE html>'
expect_header '^X-Frame-Options: DENY'

# ---- 4b. uploads: staged, private, gone after the import and after a crash ---
login zhengwu
head -c 3000000 /dev/urandom > "$T/rand.csv"
curl -s -o /dev/null -b "$JAR" --limit-rate 1M -F "_csrf=$CSRF" -F "file=@$T/rand.csv;filename=a.csv" \
  "$BASE/k/service_case/import" &
UP=$!
sleep 1.2
F=$(ls "$SDIR" | grep -- -upload- | head -1)
check "an upload in progress is staged in the folder" test -n "$F"
[ -n "$F" ] && expect_eq "$(stat -c %a "$SDIR/$F")" 600 "staged upload mode"
wait $UP
expect_eq "$(ls "$SDIR" | wc -l)" 0 "a finished import leaves nothing in the folder"
get /k/service_case/export.xlsx
expect_status 200 "export"
expect_eq "$(ls "$SDIR" | wc -l)" 0 "an export leaves nothing in the folder"
# the crash: kill -9 while an upload is streaming
curl -s -o /dev/null -b "$JAR" --limit-rate 1M -F "_csrf=$CSRF" -F "file=@$T/rand.csv;filename=a.csv" \
  "$BASE/k/service_case/import" &
UP=$!
sleep 1.2
expect_eq "$(ls "$SDIR" | grep -c -- -upload-)" 1 "an upload is being staged when the server is killed"
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=
wait $UP
expect_eq "$(ls "$SDIR" | grep -c -- -upload-)" 1 "the killed server left its upload behind"
chmod 755 "$SDIR"
_spawn_server server
expect_eq "$(ls "$SDIR" | wc -l)" 0 "the next start removed the crashed server's upload"
expect_eq "$(stat -c %a "$SDIR")" 700 "…and made the folder private again"
expect_contains "$T/server.err" '遗留的1个临时文件'

# ---- 2. the per-address limit off (behind a proxy): timeouts still hold -----
stop_server
SERVE_ARGS="--max-per-ip 0 --header-timeout 2" _spawn_server server
python3 "$T/slow.py" "$PORT" 20 1 6 >"$T/slowhead.out"
read OPENED CLOSED <"$T/slowhead.out"
expect_eq "$OPENED" 20 "20 slow connections accepted with --max-per-ip 0"
expect_eq "$CLOSED" 20 "headers trickled for 6 s are cut off after --header-timeout 2"
python3 "$T/slow.py" "$PORT" 5 1 7 body >"$T/slowbody.out"
read OPENED CLOSED <"$T/slowbody.out"
expect_eq "$CLOSED" "$OPENED" "a body trickled at 1 byte/s is cut off"
anon
get /login
expect_status 200 "normal requests still served"

# ---- 5. the server's own delay is not the client's ---------------------------
# One worker thread, a 3 s header timeout. An import that keeps the only
# worker busy for seconds (30 s to minutes on a loaded machine) begins; a
# client connects while its upload is still coming (accepted at once, the
# worker is not yet busy) and sends its whole request as soon as the upload
# is staged (the import's handler is then running): the request waits in
# the socket until the import ends, well past 3 s, and must be answered.
# 2026-12-07: on PostgreSQL this request was closed unanswered in 3 of 6
# loaded runs. Not by our sweep, but by libmicrohttpd's own 30 s idle
# timeout, which counted the busy worker's time and was checked as the
# import's handler returned, before the waiting bytes were read: the import
# takes 30 s to minutes on a loaded PostgreSQL machine, seconds on SQLite
# (src/http/server.c, "Idle connections"). The request used to be sent at
# a fixed 0.6 s, which under load was often before the import began (then
# answered at once, testing nothing); it now follows the staged upload.
stop_server
SERVE_ARGS="--threads 1 --header-timeout 3" _spawn_server server
awk 'BEGIN{ printf "案号,所属部门,申请人,被申请人,案件类别,收到申请日期,受理日期,审理程序,经批准延长审理期限,结案日期,结案方式,状态\r\n";
  for(r=2;r<=300001;r++) printf "示复〔2026〕慢-%d,示范县司法局,王某%d,示范县市场监督管理局,政府信息公开,2026-05-%02d,2026-06-01,简易程序,否,,,已受理\r\n", r, r, r%28+1 }' >"$T/big.csv"
api_login fuyi
rm -f "$T/late.ready"
python3 - "$PORT" "$(stage_dir)" "$(wc -c <"$T/big.csv")" "$T/late.ready" >"$T/late.out" 2>&1 <<'EOF2' &
import os, socket, sys, time
port, sdir, size = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def staged():  # size of the import's upload so far (the folder is empty before), -1 before it begins
    try:
        return max([os.path.getsize(os.path.join(sdir, f)) for f in os.listdir(sdir) if "-upload-" in f] or [-1])
    except OSError:
        return -1
open(sys.argv[4], "w").close()
t0 = time.time()
while staged() < 0 and time.time() - t0 < 300:
    time.sleep(0.002)
s = socket.create_connection(("127.0.0.1", port))
t0 = time.time()
during = 0 <= staged() < size
while staged() < size and time.time() - t0 < 300:
    time.sleep(0.01)
done = staged() >= size
time.sleep(0.3)
t1 = time.time()
s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
s.settimeout(900)
out = b""
try:
    while True:
        b = s.recv(65536)
        if not b: break
        out += b
except OSError as e:
    out += b" <" + str(e).encode() + b">"
print(out[:40].decode("utf-8", "replace").splitlines()[0] if out else "closed without an answer")
print("connected during the upload, sent once it was staged" if during and done else
      "connected during the upload: %s, sent once it was staged: %s" % (during, done))
print("sent %.1f s after connecting, answered %.1f s later" % (t1 - t0, time.time() - t1), flush=True)
EOF2
LATE=$!
_i=0
while [ ! -e "$T/late.ready" ] && [ $_i -lt 1000 ]; do sleep 0.02; _i=$((_i+1)); done
_t0=$(date +%s)
curl -s -o "$T/imp.json" -w '%{http_code}' --max-time 900 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary "@$T/big.csv" "$BASE/api/v1/k/reconsideration/import" >"$T/imp.status"
_t1=$(date +%s)
wait $LATE
expect_eq "$(cat "$T/imp.status")" 200 "the long import"
expect_eq "$(sed -n 1p "$T/late.out")" "HTTP/1.1 200 OK" "a request that waited on the busy worker is answered"
expect_eq "$(sed -n 2p "$T/late.out")" "connected during the upload, sent once it was staged" "…sent while the import ran"
note "the import took about $((_t1-_t0)) s; the waiting request was $(sed -n 3p "$T/late.out")"
rm -f "$T/big.csv"

# option values
timeout 10 "$FAZHI" serve --db "$DB" --max-per-ip x >"$T/opt.out" 2>&1
expect_eq "$?" 2 "--max-per-ip x is refused"
expect_contains "$T/opt.out" '--max-per-ip 应为'
timeout 10 "$FAZHI" serve --db "$DB" --header-timeout -1 >"$T/opt.out" 2>&1
expect_eq "$?" 2 "--header-timeout -1 is refused"
expect_contains "$T/opt.out" '--header-timeout 应为'
finish
