#!/bin/sh
# tests/http/190-kind-define.sh
# Issue 15 §2 (自定义台账): a county defines a kind. From the command line
# (fazhi kind add|list|export) and the API (POST/GET /api/v1/kinds): the
# kind appears in the menu, the schema and the API list with its version;
# its definition round-trips (export, add elsewhere, export: the same text
# but the version). Invalid definitions are refused with Chinese messages
# naming the part and its JSON path, and nothing is written: a duplicate
# field id, a rate over an empty filter or a value the field lacks, an
# unknown unit word, a sentence naming an unknown figure, an unknown type,
# an enum without values, a built-in's or a system table's name, a field
# type change. Clerks may not define. `fazhi check` passes, and fails
# naming kind_def once a definition row is changed behind fazhi's back.
. "$(dirname "$0")/lib.sh"
start_server
DEF=$(dirname "$0")/data/kind-notary.json

# 1. The command line adds the kind; the running server sees it at once.
"$FAZHI" kind --db "$DB" add "$DEF" >"$T/add.out" 2>&1
expect_eq "$?" 0 "fazhi kind add"
expect_contains "$T/add.out" '已保存第1版'
"$FAZHI" kind --db "$DB" list >"$T/list.out" 2>&1
expect_contains "$T/list.out" "notary	公证	活动	1	示范县	0"
login admin
get /k/notary
expect_status 200 "the new kind's list page"
expect_contains "$BODY" '公证书编号'
expect_contains "$BODY" '减免公证费（元）' "money columns say 元"
get /
expect_contains "$BODY" '<a href="/k/notary" class="">公证</a>' "the menu lists it"
api_login admin
api GET /api/v1/kinds
expect_status 200
expect_json '[.kinds[] | select(.id == "notary")] | length == 1 and .[0].version == 1 and .[0].records == 0 and .[0].owner == "示范县" and .[0].shape == "activity"'
api GET /api/v1/schema
expect_json '[.kinds[] | select(.id == "notary")] | length == 1' "schema --json of the server has it"
expect_json '.kinds[] | select(.id == "notary") | .fields[] | select(.id == "fee_waived") | .type == "money"'
"$FAZHI" schema --json --db "$DB" >"$T/schema.json"
check "fazhi schema --json --db prints it" jq -e '[.kinds[] | select(.id=="notary")] | length == 1' "$T/schema.json"

# 2. Round trip: export, add into a fresh database, export again: the same
# text but the version.
"$FAZHI" kind --db "$DB" export notary -o "$T/notary.json" 2>"$T/export.err"
expect_eq "$?" 0 "fazhi kind export"
check "the export is schema --json's object" sh -c "jq -e --slurpfile s '$T/schema.json' '. == (\$s[0].kinds[] | select(.id==\"notary\"))' '$T/notary.json' >/dev/null"
if [ -z "${FZ_PG_BASE:-}" ]; then
  "$FAZHI" init --db "$T/other.db" --county 他县 >/dev/null 2>&1
  "$FAZHI" kind --db "$T/other.db" add "$T/notary.json" >/dev/null 2>&1
  expect_eq "$?" 0 "the export is added into another database"
  "$FAZHI" kind --db "$T/other.db" export notary -o "$T/notary2.json" 2>/dev/null
  check "…and exported again unchanged" cmp -s "$T/notary.json" "$T/notary2.json"
fi

# …and a built-in's object from schema --json is itself a definition (a
# county may start from 普法活动 to define its own variant).
jq -c '.kinds[] | select(.id=="law_publicity") | .id = "pubact" | .label = "普法活动（乡镇版）"' "$T/schema.json" >"$T/pubact.json"
"$FAZHI" kind --db "$DB" add "$T/pubact.json" >"$T/pubact.out" 2>&1
expect_eq "$?" 0 "a built-in's schema object, renamed, is accepted"
"$FAZHI" kind --db "$DB" export pubact -o "$T/pubact2.json" 2>/dev/null
check "…and comes back the same but its version" sh -c "jq -S 'del(.version)' '$T/pubact.json' >'$T/p1'; jq -S 'del(.version)' '$T/pubact2.json' >'$T/p2'; cmp -s '$T/p1' '$T/p2'"

# 3. The API adds a second kind (a register, city-wide names aside) and
# returns it; GET gives the definition back.
REG='{"id":"mediator_point","label":"评理说事点","shape":"register","fields":[
 {"id":"name","label":"名称","type":"text","required":true,"list":true},
 {"id":"town","label":"所在乡镇","type":"dept","list":true,"filter":true},
 {"id":"opened","label":"设立日期","type":"date","required":true},
 {"id":"closed","label":"撤销日期","type":"date"}],
 "in_force":{"from":"opened","to":"closed"},
 "indicators":[{"id":"points","label":"评理说事点数","unit":"count","unit_word":"个","numerator":{"agg":"count","where":[]}}]}'
api POST /api/v1/kinds "$REG"
expect_status 201 "POST /api/v1/kinds adds a register"
expect_json '.id == "mediator_point" and .version == 1'
api GET /api/v1/kinds/mediator_point
expect_status 200
expect_json '.shape == "register" and .in_force.from == "opened" and .version == 1'
api GET /api/v1/kinds/no_such_kind
expect_status 404 "an unknown kind"
api GET /api/v1/kinds/reconsideration
expect_status 404 "a built-in is no custom kind"

# 4. Refusals: a Chinese message naming the part, the JSON path, nothing written.
N_DEF=$(sql "SELECT count(*) FROM kind_def")
N_AUDIT=$(sql "SELECT count(*) FROM audit")
refuse(){   # refuse DESC JSONPATH TEXT DEFINITION
  api POST /api/v1/kinds "$4"
  expect_status 422 "$1"
  expect_json "any(.errors[]; .field == \"$2\" and (.message | contains(\"$3\")))" "$1"
}
base(){     # base FIELDS INDICATORS [REPORT]: a definition of kind "trial"
  printf '{"id":"trial","label":"试行台账","shape":"activity","fields":[%s],"indicators":[%s]%s}' "$1" "$2" "${3:+,\"report\":$3}"
}
F_OK='{"id":"held","label":"日期","type":"date","required":true},{"id":"kind","label":"类别","type":"enum","values":[{"id":"a","label":"甲"},{"id":"b","label":"乙"}]}'
I_OK='{"id":"total","label":"总数","unit":"count","numerator":{"agg":"count"}}'
refuse "a duplicate field id" "fields[2].id" '字段“再来一次”（held）：标识重复' \
  "$(base "$F_OK"',{"id":"held","label":"再来一次","type":"text"}' "$I_OK")"
refuse "an unknown type" "fields[0].type" '字段“日期”（held）：未知的类型“datetime”' \
  "$(base '{"id":"held","label":"日期","type":"datetime","required":true}' "$I_OK")"
refuse "an enum without values" "fields[1].values" '字段“类别”（kind）：选项字段至少要有一个选项' \
  "$(base '{"id":"held","label":"日期","type":"date","required":true},{"id":"kind","label":"类别","type":"enum"}' "$I_OK")"
refuse "a rate over an empty filter" "indicators[1].denominator.where[0].value" '指标“甲类占比”：分母条件第1条：筛选条件为空' \
  "$(base "$F_OK" "$I_OK"',{"id":"ra","label":"甲类占比","unit":"percent","numerator":{"agg":"count","where":[{"field":"kind","op":"=","value":"a"}]},"denominator":{"agg":"count","where":[{"field":"kind","op":"=","value":""}]}}')"
refuse "a filter value the field lacks" "indicators[1].numerator.where[0].value" '“类别”（kind）没有选项“c”' \
  "$(base "$F_OK" "$I_OK"',{"id":"ra","label":"丙类占比","unit":"percent","numerator":{"agg":"count","where":[{"field":"kind","op":"=","value":"c"}]},"denominator":{"agg":"count"}}')"
refuse "an unknown unit word" "indicators[0].unit_word" '指标“总数”：未知的计量单位“斤”' \
  "$(base "$F_OK" '{"id":"total","label":"总数","unit":"count","unit_word":"斤","numerator":{"agg":"count"}}')"
refuse "a sentence naming an unknown figure" "report.sentences[1]" '报告句子第2句：“{nope}”：本台账没有指标“nope”' \
  "$(base "$F_OK" "$I_OK" '{"section":"依法有效化解矛盾纠纷","sentences":["共{total}次。","其中{nope}次。"]}')"
refuse "a section the report does not have" "report.section" '报告：没有“第九章”这一部分' \
  "$(base "$F_OK" "$I_OK" '{"section":"第九章","sentences":["共{total}次。"]}')"
refuse "a built-in kind's id" "id" '台账标识“reconsideration”是内置台账“行政复议”的标识' \
  '{"id":"reconsideration","label":"复议","shape":"activity","fields":[{"id":"held","label":"日期","type":"date","required":true}]}'
refuse "a system table's name" "id" '台账标识“users”与系统的数据表重名' \
  '{"id":"users","label":"用户","shape":"activity","fields":[{"id":"held","label":"日期","type":"date","required":true}]}'
refuse "an SQL word" "id" '台账标识“select”是系统保留字' \
  '{"id":"select","label":"选择","shape":"activity","fields":[{"id":"held","label":"日期","type":"date","required":true}]}'
refuse "a misspelt key" "fields[0].requried" '不认识的项“requried”' \
  "$(base '{"id":"held","label":"日期","type":"date","requried":true}' "$I_OK")"
refuse "a field's type changed" "fields[4].type" '字段“减免公证费”（fee_waived）：类型不能修改（原为金额，现为整数）' \
  "$(jq -c '(.fields[] | select(.id=="fee_waived")).type = "int"' "$DEF")"
expect_eq "$(sql "SELECT count(*) FROM kind_def")" "$N_DEF" "nothing written by a refusal"
expect_eq "$(sql "SELECT count(*) FROM audit")" "$N_AUDIT" "…nor audited"
if [ -n "${FZ_PG_BASE:-}" ]; then
  expect_eq "$(sql "SELECT count(*) FROM pg_tables WHERE tablename='trial'")" 0 "no table for a refused kind"
else
  expect_eq "$(sql "SELECT count(*) FROM sqlite_master WHERE name='trial'")" 0 "no table for a refused kind"
fi
"$FAZHI" kind --db "$DB" add /dev/null >"$T/bad.out" 2>&1
expect_ne "$?" 0 "the command line refuses an empty file"
expect_contains "$T/bad.out" '定义不是有效的JSON'
base "$F_OK"',{"id":"held","label":"再来一次","type":"text"}' "$I_OK" >"$T/dup.json"
"$FAZHI" kind --db "$DB" add "$T/dup.json" >"$T/dup.out" 2>&1
expect_ne "$?" 0 "the command line refuses a duplicate field id"
expect_contains "$T/dup.out" '[fields[2].id] 字段“再来一次”（held）：标识重复'

# 5. Only admins define.
api_login shichang
api POST /api/v1/kinds "$(base "$F_OK" "$I_OK")"
expect_status 403 "a clerk may not define a kind"
api_login leader
api POST /api/v1/kinds "$(base "$F_OK" "$I_OK")"
expect_status 403 "nor may the leader"

# 6. check passes; a definition changed behind fazhi's back is found.
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the definitions"
sql "UPDATE kind_def SET def=replace(def, '公证书编号', '公证编号') WHERE name='notary'"
"$FAZHI" check --db "$DB" >"$T/check2.out" 2>&1
expect_ne "$?" 0 "fazhi check finds the tampered definition"
expect_contains "$T/check2.out" 'kind_def'
finish
