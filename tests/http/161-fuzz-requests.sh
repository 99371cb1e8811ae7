#!/bin/sh
# tests/http/161-fuzz-requests.sh
# Fuzzed requests crash nothing and are never a 500: a few thousand JSON
# bodies, form bodies, paths and query strings, mutated from valid ones
# (bytes flipped, cut, repeated, invalid UTF-8, huge numbers, wrong types,
# nested arrays), sent as a logged-in clerk and anonymously. Every answer
# is an ordinary status (2xx, 3xx or 4xx) with a body, the server still
# answers afterwards, and it logged no internal error (stop_server checks
# its stderr; under ASan/UBSan any report fails the run). The seed is
# printed so a failure can be replayed: FZ_FUZZ_SEED=N.
. "$(dirname "$0")/lib.sh"
start_server
api_login fuyi || finish
login fuyi || finish
# Addresses that are not text name nothing: 400 before any lookup (on
# PostgreSQL such bytes once reached the database and failed its encoding
# check: a 500 this fuzzing found with seed 3602643898).
for u in "/scan/%ED%A0%80%00x" "/k/reconsideration?f_applicant=%ED%A0%80" "/api/v1/k/reconsideration?q=%C0%AF" "/k/reconsideration/%F4%90%80%80"; do
  get "$u"
  expect_status 400 "an address that is not UTF-8 text: $u"
  expect_contains "$BODY" '无效字符'
done
SEED=${FZ_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
N=${FZ_FUZZ_N:-1500}

python3 - "$PORT" "$TOKEN" "$CSRF" "$JAR" "$SEED" "$N" >"$T/fuzz.out" 2>&1 <<'EOF'
import http.client, json, random, sys
port, token, csrf, jar, seed, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
rnd = random.Random(seed)
cookie = ""
for line in open(jar, encoding="utf-8", errors="replace"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 7 and not line.startswith("# "):
        cookie += ("; " if cookie else "") + f[5] + "=" + f[6]
valid = [
  ("/api/v1/k/reconsideration", {"case_no":"FZ-1","applicant":"张某","respondent":"县市场监督管理局","matter":"行政处罚","received":"2026-06-01"}),
  ("/api/v1/k/mediation", {"dispute_no":"FZ-2","dtype":"neighbor","summary":"纠纷","parties":"甲、乙","org":"城关镇人民调解委员会","channel":"police","received":"2026-06-20","agreement":True}),
  ("/api/v1/k/legal_aid", {"applicant":"李某","received":"2026-06-02"}),
]
odd = [None, True, False, 0, -1, 2**63, -2**63-1, 1e308, "", "x"*5000, [], {}, [[[[]]]], "2026-02-30",
       "\ud800", "\u0000", "\ufffe", "2026-06-01\u0000x", "'; DROP TABLE users; --", "<script>", "１２３"]
def mutate_bytes(b):
    b = bytearray(b)
    for _ in range(rnd.randint(1, 6)):
        op = rnd.randrange(6)
        if not b: b = bytearray(b"{")
        i = rnd.randrange(len(b))
        if op == 0: b[i] = rnd.randrange(256)
        elif op == 1: del b[i:i+rnd.randint(1, 20)]
        elif op == 2: b[i:i] = rnd.choice([b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\xff", b"\x00", b"\\u0000", b"\\ud800", b"{", b"[", b'"', b"9"*40])
        elif op == 3: b = b[:i]
        elif op == 4: b[i:i] = b[i:i+50] * rnd.randint(2, 30)
        else: b[i] = ord(rnd.choice('{}[]",:\\'))
    return bytes(b)
def mutate_json(obj):
    o = dict(obj)
    for _ in range(rnd.randint(1, 3)):
        k = rnd.choice(list(o.keys()) + ["id", "dept_id", "state", "plan_id", "zz"])
        o[k] = rnd.choice(odd)
    return json.dumps(o, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")
paths = ["/k/reconsideration", "/k/mediation/1", "/api/v1/k/reconsideration/1", "/k/reconsideration?page=-1",
         "/k/reconsideration?sort=zz&page=999999999999", "/trend?kind=reconsideration&ind=x", "/report?year=99999",
         "/api/v1/k/nosuchkind", "/k/reconsideration/export.xlsx?year=-5", "/public/report?county=abc",
         "/scan/%00", "/k/%2e%2e/etc", "/api/v1/draw/1", "/counties?year=2026"]
bad = []
tally = {}
def send(method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=20)
    try:
        c.putrequest(method, path, skip_accept_encoding=True)
        for k, v in (headers or {}).items(): c.putheader(k, v)
        if body is not None: c.putheader("Content-Length", str(len(body)))
        c.endheaders()
        if body is not None: c.send(body)
        r = c.getresponse(); r.read(); st = r.status
    except Exception as e:
        st = "EXC " + type(e).__name__
    finally:
        c.close()
    tally[st] = tally.get(st, 0) + 1
    if not (isinstance(st, int) and 200 <= st < 500):
        bad.append((method, path, st, body[:200] if body else None))
for i in range(n):
    who = rnd.random()
    auth = {"Authorization": "Bearer " + token} if who < 0.8 else {}
    pick = rnd.randrange(5)
    if pick <= 1:
        path, obj = rnd.choice(valid)
        body = mutate_json(obj) if pick == 0 else mutate_bytes(json.dumps(obj, ensure_ascii=False).encode())
        put = rnd.random() < 0.3
        send("PUT" if put else "POST", path + "/" + str(rnd.randint(-2, 40)) if put else path, body, dict(auth, **{"Content-Type": rnd.choice(["application/json", "application/json; charset=gbk", "text/plain"])}))
    elif pick == 2:
        path, obj = rnd.choice(valid)
        form = "&".join("%s=%s" % (k, str(v)) for k, v in obj.items()) + "&_csrf=" + csrf
        body = mutate_bytes(form.encode())
        web = path.replace("/api/v1", "") + rnd.choice(["/new", "/new", "/%d/edit" % rnd.randint(1, 40)])
        send("POST", web, body, {"Content-Type": "application/x-www-form-urlencoded",
             "Cookie": cookie, "Origin": "http://127.0.0.1:" + port})
    elif pick == 3:
        p = mutate_bytes(rnd.choice(paths).encode()).decode("latin-1")
        p = "/" + "".join(ch if 0x20 < ord(ch) < 0x7f else "%%%02X" % ord(ch) for ch in p.lstrip("/"))
        send("GET", p, None, dict(auth, Cookie=cookie) if who < 0.5 else auth)
    else:
        login = mutate_bytes(b'{"login":"fuyi","password":"wrong-guess"}')
        send("POST", "/api/v1/login", login, {"Content-Type": "application/json", "X-Forwarded-For": "10.9.%d.%d" % (rnd.randrange(256), rnd.randrange(256))})
print("statuses", sorted(tally.items(), key=str))
print("seed", seed, "requests", n, "bad", len(bad))
for b in bad[:20]: print("BAD", b)
EOF
if grep -q '^seed .* bad 0$' "$T/fuzz.out"; then
  pass "$N fuzzed requests, every answer 2xx–4xx (seed $SEED)"
else
  fail "fuzzed requests with a 5xx, no answer or a crash (FZ_FUZZ_SEED=$SEED)"; sed 's/^/     | /' "$T/fuzz.out" | head -25
fi
# Still serving, and the data is still whole.
api_as fuyi
api GET /api/v1/me
expect_status 200 "the server answers after the fuzzing"
stop_server
if "$FAZHI" check --db "$DB" >"$T/check.out" 2>&1; then pass "fazhi check after fuzzing"
else fail "fazhi check after fuzzing"; sed 's/^/     | /' "$T/check.out" | head; fi
finish
