#!/bin/sh
# tests/http/215-builtin-extend-guard.sh
# Issue 15 §3: a built-in kind's extension is guarded as a definition is.
# - Saved through one server, it is served by a second server on the same
#   database from its next request (the registry snapshot is swapped, no
#   restart), and a new version saved there is served by the first.
# - Department scope is kept: a clerk of another department neither opens
#   nor lists a record that carries the extra values, nor counts it in a
#   breakdown by the new venue; the leader reads it and changes nothing.
# - Import takes the extra column and the new venue by its label.
# - `fazhi check` passes; it finds a tampered extension row (kind_def) and
#   a record whose extra column was changed behind fazhi's back.
# - `fazhi kind --help` documents extend; misuse is refused with the usage.
. "$(dirname "$0")/lib.sh"
start_server
SERVE_ARGS="--threads 2" start_second_server
EXT=$(dirname "$0")/data/ext-law-publicity.json
D_FUYI=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")

# 1. Two servers.
on_server 2
login fuyi
get /k/law_publicity/new
expect_not_contains "$BODY" '协办单位' "server 2: no extension yet"
on_server 1
api_login admin
api POST /api/v1/kinds "$(cat "$EXT")"
expect_status 201 "server 1 saves the extension"
on_server 2
get /k/law_publicity/new
expect_contains "$BODY" '协办单位' "server 2 serves the new field on its next request"
expect_contains "$BODY" '进广场' "…and the new venue"
api_login admin
api POST /api/v1/kinds "$(jq -c '.fields += [{"id":"theme_law","label":"宣传的法律","type":"text"}]' "$EXT")"
expect_status 200 "server 2 saves version 2"
expect_json '.version == 2'
on_server 1
login fuyi
get /k/law_publicity/new
expect_contains "$BODY" '宣传的法律' "server 1 serves version 2"

# 2. Scope.
api_login fuyi
api POST /api/v1/k/law_publicity "{\"dept_id\":$D_FUYI,\"activity_no\":\"PF-G-1\",\"title\":\"广场法治宣传\",\"venue\":\"square\",\"form\":\"stall\",\"held\":\"2026-04-01\",\"audience\":80,\"partner\":\"县妇联\",\"volunteers\":5}"
expect_status 201 "fuyi records on the new venue"
ID=$(json .id)
api_login shichang
api GET "/api/v1/k/law_publicity/$ID"
expect_status 404 "another department's clerk cannot open it"
api GET "/api/v1/k/law_publicity?f_venue=square"
expect_json '.total == 0' "…nor list it by the new venue"
api GET "/api/v1/breakdowns?year=2026"
expect_json '[.breakdowns[] | select(.kind == "law_publicity" and .by == "venue") | .rows[] | select(.group == "进广场")] | length == 0' "…nor count it"
login shichang
get "/k/law_publicity?f_venue=square"
expect_not_contains "$BODY" '广场法治宣传' "the list page hides it"
api_login leader
api GET "/api/v1/k/law_publicity/$ID"
expect_status 200 "the leader reads it"
expect_json '.fields.partner == "县妇联" and .fields.volunteers == 5'
api POST /api/v1/kinds "$(cat "$EXT")"
expect_status 403 "the leader extends nothing"

# 3. Import: the extra column and the new venue by its label.
cat >"$T/imp.csv" <<CSV
所属部门,活动编号,活动主题,普法阵地,活动形式,活动日期,受众人次,协办单位,志愿者人数
示范县司法局,PF-G-2,广场宪法宣传,进广场,集中宣传,2026-04-02,40,县团委,3
CSV
"$FAZHI" import --db "$DB" law_publicity "$T/imp.csv" >"$T/imp.out" 2>&1
expect_eq "$?" 0 "import with the extra column"
expect_eq "$(sql "SELECT venue || '/' || partner || '/' || volunteers FROM law_publicity WHERE activity_no='PF-G-2'")" "square/县团委/3"

# 4. check.
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
expect_contains "$T/check.out" '检查通过'
sql "UPDATE law_publicity SET partner='改过的' WHERE id=$ID"
"$FAZHI" check --db "$DB" >"$T/check2.out" 2>&1
expect_ne "$?" 0 "check finds an extra column changed behind fazhi's back"
expect_contains "$T/check2.out" "普法活动 第${ID}号记录与审计日志最后一次记载的内容不一致"
sql "UPDATE law_publicity SET partner='县妇联' WHERE id=$ID"
sql "UPDATE kind_def SET def=replace(def, '进广场', '进公园') WHERE name='law_publicity' AND version=1"
"$FAZHI" check --db "$DB" >"$T/check3.out" 2>&1
expect_ne "$?" 0 "check finds the tampered extension"
expect_contains "$T/check3.out" '自定义台账定义'
expect_contains "$T/check3.out" 'law_publicity'

# …and a custom kind whose field is removed from the middle of its list:
# the older records' logged images still match (the fields keep their order).
"$FAZHI" kind --db "$DB" add "$(dirname "$0")/data/kind-notary.json" >/dev/null 2>&1
api_login fuyi
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"GZ-G-1\",\"done_on\":\"2026-03-01\",\"matter\":\"civil\",\"consults\":2}"
expect_status 201 "a 公证 record"
jq '.fields |= map(select(.id != "matter")) | .indicators |= map(select(.id != "foreign_rate"))
    | .report.sentences = ["全年办理公证{issued}件。"]' "$(dirname "$0")/data/kind-notary.json" >"$T/n2.json"
"$FAZHI" kind --db "$DB" add "$T/n2.json" >/dev/null 2>&1
expect_eq "$?" 0 "version 2 without the middle field"
sql "UPDATE kind_def SET def=replace(def, '进公园', '进广场') WHERE name='law_publicity' AND version=1"
"$FAZHI" check --db "$DB" >"$T/check4.out" 2>&1
expect_eq "$?" 0 "check passes: the hidden field kept its place"

# 5. The command line.
"$FAZHI" kind --help >"$T/help.out" 2>&1
expect_contains "$T/help.out" 'extend 内置台账标识 扩展.json'
"$FAZHI" kind --db "$DB" extend law_publicity >"$T/usage.out" 2>&1
expect_ne "$?" 0 "extend without a file"
expect_contains "$T/usage.out" '用法'
"$FAZHI" kind --db "$DB" extend notary "$EXT" >"$T/nb.out" 2>&1
expect_ne "$?" 0 "extend of a kind that is not built in"
expect_contains "$T/nb.out" '“notary”不是内置台账'
finish
