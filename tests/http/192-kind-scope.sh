#!/bin/sh
# tests/http/192-kind-scope.sh
# Issue 15 §2: who sees a custom kind and its records.
# - The permission matrix over a custom kind: a clerk sees and changes the
#   records of their own department only (another's: 404, never revealed),
#   the leader reads them all and changes nothing (403), the county admin
#   sees the county; the public reads a public kind's public fields only,
#   and a kind that is not public not at all.
# - A second county of the same database (fazhi init, as 130 does) does not
#   see county A's kind (menu, list, API: 404). County A exports the
#   definition; county B imports it: its id is taken in this database, so
#   B is told so in Chinese, and adds it under an id of its own, which A in
#   turn does not see.
# - A city over both counties (fazhi city) defines a kind with --unit: the
#   admins of both counties see it and enter records, each only theirs.
. "$(dirname "$0")/lib.sh"
start_server
DEF=$(dirname "$0")/data/kind-notary.json
"$FAZHI" kind --db "$DB" add "$DEF" >/dev/null 2>&1
expect_eq "$?" 0 "county A defines 公证"
D_FUYI=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")
D_SHICHANG=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")

# 1. The matrix.
api_login fuyi
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"SC-1\",\"done_on\":\"2026-02-01\",\"matter\":\"civil\",\"fee_waived\":\"10\"}"
expect_status 201 "fuyi records in their department"
ID=$(json .id)
api POST /api/v1/k/notary "{\"dept_id\":$D_SHICHANG,\"case_no\":\"SC-2\",\"done_on\":\"2026-02-01\",\"matter\":\"civil\"}"
expect_status 422 "…not in another's"
api_login shichang
api GET /api/v1/k/notary
expect_json '.total == 0' "another department's clerk sees none of them"
api GET "/api/v1/k/notary/$ID"
expect_status 404 "…nor opens one"
login shichang
get "/k/notary/$ID"
expect_status 404
expect_not_contains "$BODY" 'SC-1' "…and learns nothing of it"
api_login leader
api GET /api/v1/k/notary
expect_json '.total == 1' "the leader reads it"
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"SC-3\",\"done_on\":\"2026-02-01\",\"matter\":\"civil\"}"
expect_status 403 "the leader changes nothing"
login leader
post_form "/k/notary/$ID/delete"
expect_status 403 "…not through the page either"
api_login admin
api GET /api/v1/k/notary
expect_json '.total == 1' "the county admin sees the county's"
anon
get /k/notary
expect_status 404 "a kind that is not public is not there for the public"
get "/api/v1/k/notary/$ID"
expect_status 404
# a public kind: only its public fields
api_as admin
api POST /api/v1/kinds '{"id":"honor","label":"荣誉表彰","shape":"activity","public":true,"fields":[
 {"id":"title","label":"荣誉名称","type":"text","required":true,"list":true,"public":true},
 {"id":"granted","label":"授予日期","type":"date","required":true,"list":true,"public":true},
 {"id":"level","label":"级别","type":"enum","public":true,"values":[{"id":"nation","label":"国家级"},{"id":"province","label":"省级"}]},
 {"id":"note","label":"内部备注","type":"text"}]}'
expect_status 201 "a public kind"
api_as fuyi
api POST /api/v1/k/honor "{\"dept_id\":$D_FUYI,\"title\":\"平安建设先进县\",\"granted\":\"2026-01-10\",\"level\":\"province\",\"note\":\"内部备注不公开\"}"
expect_status 201
HID=$(json .id)
anon
get "/k/honor/$HID"
expect_status 200 "the public reads a public kind's record"
expect_contains "$BODY" '平安建设先进县'
expect_not_contains "$BODY" '内部备注不公开' "…not its private field"
get "/api/v1/k/honor/$HID"
expect_json '.fields.title == "平安建设先进县" and (.fields | has("note") | not)' "the API too"

# 2. A second county does not see A's kind.
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "a second county"
YPW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
first_login yadmin "$YPW" Yadmin-Pass-2026x
get /
expect_not_contains "$BODY" '/k/notary' "B's menu has no 公证"
get /k/notary
expect_status 404 "B's admin: A's kind is not there"
api_login yadmin Yadmin-Pass-2026x
api GET /api/v1/kinds
expect_json '.kinds | length == 0' "B's list of custom kinds is empty"
api GET /api/v1/kinds/notary
expect_status 404
api GET /api/v1/schema
expect_json '[.kinds[] | select(.id == "notary")] | length == 0' "B's schema has no 公证"

# 3. A exports, B imports.
api_as admin
api GET /api/v1/kinds/notary
expect_status 200 "A exports"
cp "$BODY" "$T/a.json"
api_as yadmin
api POST /api/v1/kinds "$(cat "$T/a.json")"
expect_status 422 "B imports it under the same id"
expect_json 'any(.errors[]; .field == "id" and (.message | contains("已被其他单位使用")))'
api POST /api/v1/kinds "$(jq -c '.id = "notary_b"' "$T/a.json")"
expect_status 201 "B imports it under its own id"
api GET /api/v1/kinds
expect_json '.kinds | length == 1 and .[0].id == "notary_b" and .[0].owner == "乙县"'
Y_SFJ=$(sql "SELECT id FROM dept WHERE name='乙县司法局'")
if [ -z "$Y_SFJ" ]; then Y_SFJ=$(sql "SELECT id FROM dept WHERE name='乙县'"); fi
api POST /api/v1/k/notary_b "{\"dept_id\":$Y_SFJ,\"case_no\":\"SC-1\",\"done_on\":\"2026-02-01\",\"matter\":\"civil\",\"fee_waived\":\"5.5\"}"
expect_status 201 "B records in its own kind"
api_as admin
api GET /api/v1/k/notary_b
expect_status 404 "A does not see B's kind"
api POST /api/v1/kinds "$(jq -c '.label = "乙县公证改名"' "$T/a.json" | jq -c '.id = "notary_b"')"
expect_status 422 "nor may A change it"
expect_json 'any(.errors[]; .field == "id" and (.message | contains("已被其他单位使用")))' 

# 4. A city over both; a city-wide kind seen by both counties.
"$FAZHI" city --db "$DB" 示范市 示范县 乙县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "fazhi city"
cat >"$T/city.json" <<'JSON'
{"id":"dispute_scan","label":"矛盾纠纷排查","shape":"activity","fields":[
 {"id":"held","label":"排查日期","type":"date","required":true,"list":true},
 {"id":"found","label":"发现纠纷件数","type":"int","min":0,"max":100000,"list":true}],
 "indicators":[{"id":"rounds","label":"排查次数","unit":"count","unit_word":"次","numerator":{"agg":"count"}},
  {"id":"disputes","label":"发现纠纷件数","unit":"count","unit_word":"件","numerator":{"agg":"sum","field":"found"}}]}
JSON
"$FAZHI" kind --db "$DB" add "$T/city.json" --unit 示范市 >"$T/cityadd.out" 2>&1
expect_eq "$?" 0 "the city defines a kind for all its counties"
"$FAZHI" kind --db "$DB" list >"$T/list.out"
expect_contains "$T/list.out" "dispute_scan	矛盾纠纷排查	活动	1	示范市"
stop_server
_spawn_server server
login admin
get /k/dispute_scan
expect_status 200 "county A's admin sees the city's kind"
api_login admin
api POST /api/v1/k/dispute_scan "{\"dept_id\":$D_FUYI,\"held\":\"2026-03-01\",\"found\":4}"
expect_status 201 "…and records in it"
login yadmin Yadmin-Pass-2026x
get /k/dispute_scan
expect_status 200 "county B's admin sees it too"
expect_contains "$BODY" '共 0 条' "…but not A's records"
api_login yadmin Yadmin-Pass-2026x
api POST /api/v1/k/dispute_scan "{\"dept_id\":$Y_SFJ,\"held\":\"2026-03-02\",\"found\":2}"
expect_status 201 "B records in the city's kind"
api GET /api/v1/k/dispute_scan
expect_json '.total == 1'
api POST /api/v1/kinds "$(cat "$T/city.json")"
expect_status 403 "a county may not change the city's kind"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check"
finish
