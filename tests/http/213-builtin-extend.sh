#!/bin/sh
# tests/http/213-builtin-extend.sh
# Issue 15 §3 (内置台账的扩展): a county adds to the built-in 普法活动
# (law_publicity) without code, over the API and the command line: two
# fields (real columns), a venue (进广场) the county uses, an indicator
# summing the new field, a breakdown by venue and a report sentence. A
# clerk enters records with them through the form and the API; the list,
# detail, dashboard, report and the breakdown by venue show them, and the
# venues add up to the county's figure. Invalid extensions (an enum value
# repeating an id or a label, a field id of a built-in field, decimals
# outside 0–4, a target that is no number) are refused in Chinese naming
# the part, and nothing is written. Another department's clerk sees none
# of the records; `schema --json` and `fazhi kind export` show the
# extension; a second version hides a field and keeps its values.
. "$(dirname "$0")/lib.sh"
start_server
EXT=$(dirname "$0")/data/ext-law-publicity.json
D_FUYI=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")
N0=$(sql "SELECT count(*) FROM law_publicity")

# 1. The API saves the extension as version 1.
api_login admin
api POST /api/v1/kinds "$(cat "$EXT")"
expect_status 201 "POST /api/v1/kinds with extends"
expect_json '.id == "law_publicity" and .version == 1'
api GET /api/v1/kinds/law_publicity
expect_status 200 "the extension in force"
cp "$BODY" "$T/ext-api.json"
expect_json '.extends == "law_publicity" and .version == 1 and (.fields | length) == 2 and .enum_values.venue[0].label == "进广场"'
api GET /api/v1/kinds/reconsideration
expect_status 404 "a built-in without extension has none"
api GET /api/v1/schema
expect_json '.kinds[] | select(.id == "law_publicity") | .extension.version == 1 and ([.fields[].id] | index("partner") != null) and ([.fields[] | select(.id == "venue") | .values[].id] | index("square") != null)' "schema shows the extended kind and its extension"
"$FAZHI" kind --db "$DB" export law_publicity -o "$T/ext.json" 2>/dev/null
expect_eq "$?" 0 "fazhi kind export of a built-in writes its extension"
check "…the same text the API gives" sh -c "jq -S . '$T/ext.json' >'$T/e1'; jq -S . '$T/ext-api.json' >'$T/e2'; cmp -s '$T/e1' '$T/e2'"

# 2. Records with the new venue and fields: the form and the API.
login fuyi
get /k/law_publicity/new
expect_status 200
expect_contains "$BODY" '协办单位' "the form has the extra field"
expect_contains "$BODY" '进广场' "…and the extra venue"
post_form /k/law_publicity/new "dept_id=$D_FUYI" activity_no=PF-EXT-1 title=广场普法 venue=square form=stall held=2026-05-01 audience=300 partner=县妇联 volunteers=12
expect_status 303 "a record on the new venue through the form"
ID1=$(sql "SELECT id FROM law_publicity WHERE activity_no='PF-EXT-1'")
expect_eq "$(sql "SELECT partner || '/' || volunteers || '/' || venue FROM law_publicity WHERE id=$ID1")" "县妇联/12/square" "stored in real columns"
get "/k/law_publicity/$ID1"
expect_contains "$BODY" '进广场'
expect_contains "$BODY" '县妇联'
api_login fuyi
api POST /api/v1/k/law_publicity "{\"dept_id\":$D_FUYI,\"activity_no\":\"PF-EXT-2\",\"title\":\"广场宪法宣传\",\"venue\":\"进广场\",\"form\":\"lecture\",\"held\":\"2026-05-02\",\"audience\":100,\"volunteers\":8}"
expect_status 201 "a record on the new venue through the API (by its label)"
api POST /api/v1/k/law_publicity "{\"dept_id\":$D_FUYI,\"activity_no\":\"PF-EXT-3\",\"title\":\"x\",\"venue\":\"square\",\"form\":\"lecture\",\"held\":\"2026-05-02\",\"audience\":1,\"volunteers\":-3}"
expect_status 422 "the extra field's range holds"
expect_json 'any(.errors[]; .field == "volunteers")'

# 3. The figures: the sum of the new field, the breakdown by venue adds up.
api GET "/api/v1/indicators?year=2026"
expect_json '.indicators[] | select(.kind == "law_publicity" and .name == "volunteer_sum") | .numerator == 20' "the added indicator sums the new field"
api GET "/api/v1/breakdowns?year=2026"
expect_json '.breakdowns[] | select(.kind == "law_publicity" and .by == "venue") | (.rows | map(select(.group == "进广场")) | .[0].numerator) == 2' "进广场 has its two events"
expect_json '.breakdowns[] | select(.kind == "law_publicity" and .by == "venue") | ([.rows[].numerator] | add) == .county.numerator' "the venues add up to the county's events"
login admin
get "/breakdown?year=2026"
expect_contains "$BODY" '进广场' "the breakdown page names the new venue"
get "/report.md?year=2026"
expect_contains "$BODY" '组织普法志愿者20人次参与活动。' "the added sentence in the report, with its figure"

# 4. Scope: another department's clerk sees none of it.
api_login shichang
api GET "/api/v1/k/law_publicity/$ID1"
expect_status 404 "another department's clerk cannot open the record"
api GET "/api/v1/breakdowns?year=2026"
expect_json '[.breakdowns[] | select(.kind == "law_publicity" and .by == "venue") | .rows[] | select(.group == "进广场")] | length == 0' "…nor counts it by venue"
login shichang
get "/k/law_publicity/$ID1"
expect_status 404
expect_not_contains "$BODY" '县妇联' "…and learns nothing of it"
api POST /api/v1/kinds "$(cat "$EXT")"
expect_status 403 "a clerk extends nothing"

# 5. Refused, in Chinese naming the part; nothing written.
api_as admin
for bad in \
  '{"extends":"law_publicity","enum_values":{"venue":[{"id":"school","label":"进校园"}]}}|enum_values.venue[0].id|与已有的选项“进学校”重复' \
  '{"extends":"law_publicity","enum_values":{"venue":[{"id":"park","label":"进社区"}]}}|enum_values.venue[0].label|名称“进社区”与已有的选项' \
  '{"extends":"law_publicity","fields":[{"id":"audience","label":"观众","type":"int"}]}|fields[0].id|与内置字段“受众人次”重复' \
  '{"extends":"law_publicity","targets":{"events":{"decimals":5}}}|targets.events.decimals|小数位应为0到4之间的整数' \
  '{"extends":"law_publicity","targets":{"events":{"target":"很多"}}}|targets.events.target|目标值应为数字' \
  '{"extends":"law_publicity","targets":{"events":{"target":true}}}|targets.events.target|目标与小数位“开展普法活动”（events）' \
  '{"extends":"no_such_kind"}|extends|没有内置台账'; do
  body=${bad%%|*}; rest=${bad#*|}; path=${rest%%|*}; msg=${rest#*|}
  api POST /api/v1/kinds "$body"
  expect_status 422 "refused: $path"
  expect_json "any(.errors[]; .field == \"$path\" and (.message | contains(\"$msg\")))" "…naming $path: $msg"
done
expect_eq "$(sql "SELECT max(version) FROM kind_def WHERE name='law_publicity'")" 1 "nothing written"
"$FAZHI" kind --db "$DB" extend law_publicity "$T/nonexistent.json" >/dev/null 2>&1
expect_ne "$?" 0 "the command line says so for a missing file"
printf '{"fields":[{"id":"title","label":"题目","type":"text"}]}' >"$T/bad.json"
"$FAZHI" kind --db "$DB" extend law_publicity "$T/bad.json" >"$T/bad.out" 2>&1
expect_ne "$?" 0 "the command line refuses a built-in field's id"
expect_contains "$T/bad.out" '[fields[0].id] 字段“题目”（title）：标识“title”与内置字段“活动主题”重复'

# 6. Version 2 from the command line leaves partner out: hidden, its values kept.
jq '.fields |= map(select(.id != "partner"))' "$EXT" >"$T/v2.json"
"$FAZHI" kind --db "$DB" extend law_publicity "$T/v2.json" >"$T/v2.out" 2>&1
expect_eq "$?" 0 "fazhi kind extend saves version 2"
expect_contains "$T/v2.out" '已保存第2版'
expect_eq "$(sql "SELECT partner FROM law_publicity WHERE id=$ID1")" "县妇联" "the hidden field's value is kept"
login fuyi
get /k/law_publicity/new
expect_not_contains "$BODY" '协办单位' "the removed field is off the form"
expect_contains "$BODY" '进广场' "the venue stays"
expect_eq "$(sql "SELECT count(*) FROM law_publicity")" "$((N0+2))" "no record lost"
login admin
get "/audit?action=kind_extend"
expect_status 200
expect_contains "$BODY" '扩展内置台账（新版本）' "the audit log names both saves"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes after the extension"
finish
