#!/bin/sh
# tests/http/097-review-fixes.sh
# Regressions for the security review of 2026-11-23: each check failed
# before its fix.
. "$(dirname "$0")/lib.sh"
start_server

# 2026-11-23: "next=/<TAB>/host" passed the local-path test; browsers drop
# the tab and follow //host off-site. Any control character or backslash
# now sends the user home.
login_attempt zhengwu "$PW" "$(printf '/\t/evil.example/x')"
expect_status 303 "login with a tab in next"
expect_eq "$(location)" "/" "tab in next redirects home"
login_attempt zhengwu "$PW" '/\evil.example/x'
expect_eq "$(location)" "/" "backslash in next redirects home"
login_attempt zhengwu "$PW" '/k/reconsideration'
expect_eq "$(location)" "/k/reconsideration" "a local next still works"

# 2026-11-23: /api/v1/login took JSON in any Content-Type and set the session
# cookie, so a cross-site text/plain form could log a victim in (login CSRF).
anon
req POST /api/v1/login -H 'Content-Type: text/plain' --data '{"login":"chengguan","password":"demo-2026"}'
expect_status 415 "API login without application/json"
req POST /api/v1/login -H 'Content-Type: application/json' --data '{"login":"chengguan","password":"demo-2026"}'
expect_status 200 "API login with application/json"
expect_not_contains "$HDRS" 'fz_session=' "API login sets no cookie"

# 2026-11-23: references resolved and showed titles of records outside the
# clerk's scope (a title oracle). 城关镇 may not link 司法局's reviews.
api_login chengguan
api POST /api/v1/k/normative_doc '{"doc_no":"城政规〔2025〕97号","title":"引用测试","published":"2025-03-01","review_id":3}'
expect_status 422 "reference to another department's review"
expect_json '.errors | any(.field == "review_id" and (.message | contains("找不到")))'
# …while public catalog items (codes and names are public) still resolve.
api_login zhengwu
ITEM=$(sql "SELECT code FROM service_item WHERE dept_id=(SELECT id FROM dept WHERE name='示范县市场监督管理局') LIMIT 1")
api POST /api/v1/k/service_case '{"case_no":"REVIEW-97","item_id":"'"$ITEM"'","applicant":"测试","channel":"线下","received":"2026-03-02","limit_days":3}'
expect_status 201 "a 办件 may reference another department's public item"

# 2026-11-23: % and _ in a search were wildcards ("_" listed every item).
api_as zhengwu
expect_eq "$(api_total '/api/v1/k/service_item?name=_')" 0 "_ is a literal character in searches"
expect_eq "$(api_total '/api/v1/k/service_item?name=%25')" 0 "% is a literal character in searches"

# 2026-11-23: %.12s was printed whole. Since 2026-12-07 the list shows no
# hash; an entry's own page shows its hash whole (64 digits).
login admin
get /audit
expect_status 200 "audit page"
get /audit/2
check "an entry's page shows its hash whole" grep -q '<code class="hash">[0-9a-f]\{64\}</code>' "$BODY"

# 2026-11-23: uploads were stored before the login check; an anonymous
# upload is refused and its body never written.
# The server's staging folder is watched while a slow upload is on its
# way: before the fix an upload file grew there.
anon
head -c 3000000 /dev/urandom > "$T/rand.csv"
curl -s -o /dev/null -w '%{http_code}' --limit-rate 1M -F "file=@$T/rand.csv;filename=a.csv" \
  "$BASE/k/service_case/import" > "$T/anon-upload.status" &
_up=$!
sleep 1.2
expect_eq "$(ls "$(stage_dir)" | grep -c -- -upload-)" 0 "nothing of an anonymous upload is written to disk"
wait $_up
expect_eq "$(cat "$T/anon-upload.status")" 303 "anonymous import redirected to login"
# …while a clerk's upload does use the temp dir (the check above can fail).
login zhengwu
curl -s -o /dev/null -b "$JAR" --limit-rate 1M -F "_csrf=$CSRF" -F "file=@$T/rand.csv;filename=a.csv" \
  "$BASE/k/service_case/import" &
_up=$!
sleep 1.2
expect_eq "$(ls "$(stage_dir)" | grep -c -- -upload-)" 1 "a clerk's upload is streamed to the staging folder"
wait $_up

# 2026-11-23: a holiday added after the build changed due dates without a trace.
stop_server
"$FAZHI" holiday --db "$DB" add 2027-01-01 off 元旦 >/dev/null
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='holiday_set' AND kind='@holiday' AND after LIKE '2027-01-01%\"dkind\":\"o\"%'")" 1 "holiday change audited"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the holiday change"

finish
