#!/bin/sh
# tests/http/065-draw.sh
# A 双随机 draw from start to end, as 城关镇's clerk runs it and as anyone
# checks it: the pools are fixed and digested before the draw (the held-
# back entity, the lapsed certificate and the 监督证 stay out); the draw
# from the lottery's values writes one 检查记录 per entity with two
# inspectors, never one who recuses the entity; the pool file's SHA-256 is
# the published digest and recomputes to the same draw offline; the public
# page and API verify it; a second plan with the same pools and values
# draws the same; and a 检查记录 changed afterwards is caught by the page
# and by `fazhi check`. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login chengguan
api_login chengguan
login leader

# Entities of a village no demo entity is in, 城关镇's own officers and item.
api_as chengguan
api POST /api/v1/k/inspection_item '{"item_no":"JCSX-CG-1","name":"测试村餐饮服务经营者监督检查","itype":"双随机抽查","basis":"《中华人民共和国食品安全法》第一百一十条"}'
expect_status 201 "城关镇's registered item"
for e in "E1 甲餐馆 A类（低风险） 2" "E2 乙餐馆 B类（一般风险） 2" "E3 丙餐馆 C类（较高风险） 0" "E4 丁餐馆 A类（低风险） 1"; do
  set -- $e
  api POST /api/v1/k/enterprise "{\"credit_code\":\"91410621TEST000$1\",\"name\":\"$2\",\"etype\":\"企业\",\"industry\":\"餐饮服务\",\"town\":\"测试村\",\"risk\":\"$3\",\"yearly_limit\":$4}"
  expect_status 201 "entity $1"
done
E4=$(sql "SELECT id FROM enterprise WHERE credit_code='91410621TEST000E4'")
for o in "ZFT1 王某 enforce 2029-01-01 -" "ZFT2 李某 enforce 2029-01-01 -" "ZFT3 张某 enforce 2029-01-01 91410621TEST000E2" \
         "ZFT4 赵某 enforce 2026-06-29 -" "ZFT5 钱某 supervise 2029-01-01 -"; do
  set -- $o
  rec=""; [ "$5" != - ] && rec="\"recuse\":\"$5\","
  api POST /api/v1/k/officer "{\"cert_no\":\"$1\",\"name\":\"$2\",\"cert_type\":\"$3\",\"issued\":\"2024-01-02\",\"expires\":\"$4\",$rec\"training_hours\":60}"
  expect_status 201 "officer $1"
done
# E4 was inspected once already this year: at its limit of 1, it is held back.
# (扫码入企 is the scan page's to record, and inspectors are officers: issue 13 §4)
api POST /api/v1/k/inspection "{\"insp_no\":\"QR-TEST-1\",\"enterprise_id\":$E4,\"way\":\"日常检查\",\"item\":\"JCSX-CG-1\",\"inspectors\":\"ZFT1、ZFT2\",\"assigned\":\"2026-06-01\"}"
expect_status 201 "an earlier inspection of E4"
plan(){   # plan PLAN_NO: a draft plan over 测试村's 餐饮服务, A/B/C 100%, D 0%
  api POST /api/v1/k/inspection_plan "{\"plan_no\":\"$1\",\"title\":\"测试村餐饮双随机抽查\",\"item\":\"JCSX-CG-1\",\"industry\":\"餐饮服务\",\"town\":\"测试村\",\"ratio_a\":100,\"ratio_b\":100,\"ratio_c\":100,\"ratio_d\":0,\"team_size\":2,\"source\":\"2026年7月1日福彩3D开奖号码\",\"planned\":\"2026-06-30\"}"
  expect_status 201 "plan $1"
  json .id
}
PID1=$(plan SJ-TEST-1)

# 1. Before the pools are fixed: the page says so and offers the step.
as chengguan
get "/draw/$PID1"
expect_status 200 "draw page"
expect_contains "$BODY" '名录尚未固定'
expect_contains "$BODY" "action=\"/draw/$PID1/fix\""
get "/k/inspection_plan/$PID1"
expect_contains "$BODY" "href=\"/draw/$PID1\"" "the plan links its draw page"
expect_not_contains "$BODY" '/do/fix' "no button fixes the pools past the draw code"
as leader
post_form "/draw/$PID1/fix"
expect_status 403 "a leader cannot fix the pools"
as chengguan
post_form "/draw/$PID1/run" values=123
expect_status 409 "no draw before the pools are fixed"
expect_contains "$BODY" '请先固定并公布名录，再抽取'

# 2. Fix: the digest is the pool file's SHA-256, on the page, the plan and the API.
post_form "/draw/$PID1/fix"
expect_status 303 "fix"
expect_eq "$(location)" "/draw/$PID1?msg=fixed"
get "/draw/$PID1?msg=fixed"
expect_contains "$BODY" '名录已固定'
expect_contains "$BODY" '<tr><th>检查对象</th><td>3户（另有1户已达年度入企检查上限，暂不纳入）</td></tr>'
expect_contains "$BODY" '<tr><th>检查人员</th><td>3人</td></tr>' "the lapsed certificate and the 监督证 stay out"
anon
get "/draw/$PID1/pool.txt"
expect_status 200 "anonymous pool.txt"
expect_header '^Content-Type: text/plain; charset=utf-8'
cp "$BODY" "$T/pool.txt"
SHA=$(sha256sum "$T/pool.txt" | cut -d' ' -f1)
get "/draw/$PID1"
expect_contains "$BODY" "<code class=\"digest\">$SHA</code>" "the published digest is the file's SHA-256"
expect_eq "$(sql "SELECT pool_sha256 FROM inspection_plan WHERE id=$PID1")" "$SHA" "the plan carries the digest"
expect_contains "$T/pool.txt" "$(printf 'held\t91410621TEST000E4\t1\t1')" "E4 is listed as held back"
expect_not_contains "$T/pool.txt" 'ZFT4' "a certificate that lapsed yesterday"
expect_not_contains "$T/pool.txt" 'ZFT5' "a 监督证 is not an enforcement certificate"
expect_contains "$T/pool.txt" "$(printf 'officer\tZFT3\t张某\t城关镇\t91410621TEST000E2')" "ZFT3's recusal is in the pool"

# 3. Draw: bad values are refused with a message and change nothing.
as chengguan
post_form "/draw/$PID1/run" values=
expect_status 422 "empty values"
expect_contains "$BODY" '请填写随机源公布的随机数'
post_form "/draw/$PID1/run" "values=7 2 九"
expect_status 422 "values with a Chinese numeral"
expect_contains "$BODY" '随机数只能包含数字'
expect_eq "$(sql "SELECT count(*) FROM inspection WHERE plan_id=$PID1")" 0 "nothing drawn by the refusals"
post_form "/draw/$PID1/run" "values=7 2 9"
expect_status 303 "draw"
expect_eq "$(location)" "/draw/$PID1?msg=drawn"
get "/draw/$PID1?msg=drawn"
expect_contains "$BODY" '抽取完成'
expect_contains "$BODY" '<code>2.7.9./</code>' "the key string of the values, sorted"
expect_contains "$BODY" '共抽中3户。'
expect_contains "$BODY" '复核通过'
expect_eq "$(sql "SELECT count(*) FROM inspection WHERE plan_id=$PID1 AND way='random' AND state='assigned' AND assigned='2026-06-30'")" 3 "three 检查记录 issued"
expect_eq "$(sql "SELECT state||','||drawn FROM inspection_plan WHERE id=$PID1")" "drawn,3" "the plan is drawn"
# two different inspectors each; E2's are never ZFT3
api_as chengguan
api GET "/api/v1/draw/$PID1"
expect_json '.verified == true and .drawn == true and (.picks | length) == 3'
expect_json '[.picks[] | .inspectors | length == 2 and .[0] != .[1]] | all' "two different inspectors per entity"
expect_json '[.picks[] | select(.credit_code == "91410621TEST000E2") | .inspectors[] | select(. == "ZFT3")] | length == 0' "recusal holds"
expect_json '[.picks[].credit_code] | sort == ["91410621TEST000E1","91410621TEST000E2","91410621TEST000E3"]'
PICKS1=$(jq -c '.picks' "$BODY")
as chengguan
post_form "/draw/$PID1/run" "values=1 2 3"
expect_status 409 "no second draw"
expect_contains "$BODY" '本计划已经抽取过，不能重新抽取'

# 4. Anyone recomputes it from the pool file alone, whatever order the values come in.
"$FAZHI" draw verify --pool "$T/pool.txt" --values "9, 7 2" >"$T/offline.out" 2>&1
expect_eq "$?" 0 "offline verify"
expect_contains "$T/offline.out" "名录摘要（SHA-256）：$SHA"
tr '\t' '#' <"$T/offline.out" >"$T/offline.hash"
for code in $(echo "$PICKS1" | jq -r '.[] | .credit_code + "#" + (.inspectors | join(","))'); do
  expect_contains "$T/offline.hash" "$code" "offline recomputation draws $code"
done
anon
api GET "/api/v1/draw/$PID1"
expect_status 200 "anonymous draw API"
expect_json ".verified == true and .pool_sha256 == \"$SHA\""

# 5. The same pools and values draw the same (a second plan over the same lists).
api_as chengguan
PID2=$(plan SJ-TEST-2)
api POST "/api/v1/draw/$PID2/fix"
expect_status 200 "API fix"
api POST "/api/v1/draw/$PID2/run" '{"values":"2 9 7"}'
expect_status 200 "API draw"
expect_eq "$(jq -c '.picks' "$BODY")" "$PICKS1" "same pools and values, same draw"
expect_ne "$(json .pool_sha256)" "$SHA" "the pool names its plan, so its digest differs"

# 6. Order in time: pools fixed no later than the draw date, the draw not before it.
api_as chengguan
api POST /api/v1/k/inspection_plan '{"plan_no":"SJ-TEST-3","title":"过期计划","item":"JCSX-CG-1","town":"测试村","ratio_a":100,"ratio_b":100,"ratio_c":100,"ratio_d":0,"team_size":2,"source":"福彩3D","planned":"2026-06-29"}'
api POST "/api/v1/draw/$(json .id)/fix"
expect_status 409 "fixing after the draw date"
expect_json '.errors[0].message | contains("计划抽取日期（2026-06-29）已过")'
api POST /api/v1/k/inspection_plan '{"plan_no":"SJ-TEST-4","title":"明日计划","item":"JCSX-CG-1","town":"测试村","ratio_a":100,"ratio_b":100,"ratio_c":100,"ratio_d":0,"team_size":2,"source":"福彩3D","planned":"2026-07-01"}'
PID4=$(json .id)
api POST "/api/v1/draw/$PID4/fix"
expect_status 200 "fixing before the draw date"
api POST "/api/v1/draw/$PID4/run" '{"values":"1 2 3"}'
expect_status 409 "drawing before the draw date"
expect_json '.errors[0].message | contains("未到计划抽取日期（2026-07-01）")'

# 7. Changes after the draw are caught: an inspector swapped on a 检查记录,
# a plan's ratio edited after its pools were fixed.
api PUT "/api/v1/k/inspection/$(sql "SELECT id FROM inspection WHERE insp_no='SJ-TEST-2-001'")" '{"inspectors":"王某（ZFT1）、张某（ZFT3）"}'
expect_status 200 "an inspector edited through the form"
api GET "/api/v1/draw/$PID2"
expect_json '.verified == false and (.problems | any(contains("检查人员")))' "the swapped inspector is caught"
api PUT "/api/v1/k/inspection_plan/$PID4" '{"ratio_a":5}'
api GET "/api/v1/draw/$PID4"
expect_json '.verified == false and (.problems | any(contains("名录固定后被修改")))' "the edited ratio is caught"

# 8. A 检查记录 swapped for another entity afterwards: the page and fazhi check catch it.
sql "UPDATE inspection SET enterprise_id=$E4 WHERE insp_no='SJ-TEST-1-001'"
anon
get "/draw/$PID1"
expect_contains "$BODY" '复核未通过'
expect_contains "$BODY" '本计划的双随机检查记录与抽取结果不一致'
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 1 "fazhi check fails"
expect_contains "$T/check.out" "抽查计划（ID $PID1）：本计划的双随机检查记录与抽取结果不一致"
finish
