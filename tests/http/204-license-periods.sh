#!/bin/sh
# tests/http/204-license-periods.sh
# 行政许可 办件 run the statutory period beside the item's promise (issue 16
# §3; 行政许可法 第四十二条、第四十五条、第八十二条), FAZHI_TODAY=2026-06-30:
#  - received Wed 2026-04-01, promise 5 working days: 02, 03, (清明
#    04-04..06 off) 07, 08, Thu 04-09; statutory 20 working days: 02, 03,
#    07..10 (6), 13..17 (11), 20..24 (16), 27..30 (20) → Thu 04-30.
#    Finished 04-30: late on the promise, on time by law; both shown.
#  - received Wed 2026-05-06, extended (+10), expert review 05-11..05-15 (5
#    working days) not counted: 07, 08, Sat 05-09 make-up (3), 18..22 (8),
#    25..29 (13), 06-01..05 (18), 08..12 (23), 15..18 (27), 端午 06-19 off,
#    22, 23, Wed 06-24 (30). Open on 06-30: overdue.
#  - a 办件 not marked 行政许可 has only its promise.
#  - the indicator 行政许可法定期限内办结率 counts by the statutory period;
#    README's table is what `fazhi schema --periods` prints.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
start_server
login admin
api_login admin

api POST /api/v1/k/service_item '{"code":"XK-204","name":"食品经营许可","category":"license","online":"full","max_visits":1,"legal_days":20,"promised_days":5}'
expect_status 201 "a 许可 item"
ITEM=$(json .id)
api GET "/api/v1/indicators?year=2026"
N0=$(jq -r '.indicators[] | select(.kind=="service_case" and .name=="license_legal_rate") | "\(.numerator)/\(.denominator)"' "$BODY")
P0=$(jq -r '.indicators[] | select(.kind=="service_case" and .name=="ontime_rate") | "\(.numerator)/\(.denominator)"' "$BODY")
check "the indicators exist ($N0, $P0)" test -n "$N0" -a -n "$P0"

api POST /api/v1/k/service_case "{\"case_no\":\"BJ-204-1\",\"item_id\":$ITEM,\"applicant\":\"某餐馆\",\"channel\":\"offline\",\"received\":\"2026-04-01\",\"limit_days\":5,\"license\":true,\"finished\":\"2026-04-30\"}"
expect_status 201 "a 许可 办件"
A=$(json .id)
api POST "/api/v1/k/service_case/$A/do/finish"
expect_status 200 "finished"
api GET "/api/v1/k/service_case/$A"
expect_json '.deadlines[] | select(.name=="promise") | .due == "2026-04-09" and .late' "the promise: due 04-09, missed"
expect_json '.deadlines[] | select(.name=="statutory") | .due == "2026-04-30" and (.late | not) and (.basis | contains("第四十二条"))' "the statutory period: due 04-30, met"
get "/k/service_case/$A"
expect_status 200
expect_contains "$BODY" '<td>承诺办结期限</td><td>2026-04-09</td><td>逾期完成</td>' "page: the promise"
expect_contains "$BODY" '<td>法定办结期限（行政许可）</td><td>2026-04-30</td><td>按期完成</td>' "page: the statutory period beside it"
expect_contains "$BODY" '《行政许可法》第四十二条：除可以当场作出行政许可决定的外' "page: …with its basis"
api GET "/api/v1/indicators?year=2026"
N1=$(jq -r '.indicators[] | select(.kind=="service_case" and .name=="license_legal_rate") | "\(.numerator)/\(.denominator)"' "$BODY")
P1=$(jq -r '.indicators[] | select(.kind=="service_case" and .name=="ontime_rate") | "\(.numerator)/\(.denominator)"' "$BODY")
expect_eq "$N1" "$((${N0%/*}+1))/$((${N0#*/}+1))" "行政许可法定期限内办结率 counts it on time"
expect_eq "$P1" "${P0%/*}/$((${P0#*/}+1))" "按承诺时限办结率 counts it late"

api POST /api/v1/k/service_case "{\"case_no\":\"BJ-204-2\",\"item_id\":$ITEM,\"applicant\":\"某超市\",\"channel\":\"online\",\"received\":\"2026-05-06\",\"limit_days\":5,\"license\":true,\"extended\":true,\"expert_from\":\"2026-05-11\",\"expert_to\":\"2026-05-15\"}"
expect_status 201 "an extended 办件 with an expert review"
B=$(json .id)
api GET "/api/v1/k/service_case/$B"
expect_json '.deadlines[] | select(.name=="statutory") | .due == "2026-06-24" and .extended and .late and .active and .suspension.not_counted == 5' "30 working days less the expert review: due 06-24, overdue"
get "/k/service_case/$B"
expect_contains "$BODY" '（听证、检验检测、鉴定、专家评审 2026-05-11至2026-05-15不计入，共5个工作日）（含经批准的延长）' "page: the days not counted, and the extension"
expect_contains "$BODY" '《行政许可法》第四十五条' "page: …and why"

api POST /api/v1/k/service_case "{\"case_no\":\"BJ-204-3\",\"item_id\":$ITEM,\"applicant\":\"某人\",\"channel\":\"online\",\"received\":\"2026-05-06\",\"limit_days\":5,\"license\":false}"
expect_status 201
api GET "/api/v1/k/service_case/$(json .id)"
expect_json '[.deadlines[] | .name] == ["promise"]' "not a 许可: the promise only"

"$FAZHI" schema --json >"$T/schema.json"
expect_eq "$(jq -r '.kinds[] | select(.id=="service_case") | .deadlines[] | select(.id=="statutory") | "\(.length) \(.unit) \(.extension) \(.applies_when) \(.pauses[0].mode)"' "$T/schema.json")" "20 workdays 10 license=1 suspend" "schema --json: the statutory rule"
"$FAZHI" schema --periods >"$T/periods.md"
sed -n '/^<!-- periods: fazhi schema --periods -->$/,/^<!-- \/periods -->$/p' "$HERE/../../README.md" | sed '1d;$d' >"$T/readme.md"
check "README's table is what schema --periods prints" cmp -s "$T/periods.md" "$T/readme.md"
expect_contains "$T/periods.md" '| 办件 | 法定办结期限（行政许可） | 20个工作日；经批准延长10个工作日（与原期限连续计算） |' "…with the 许可 row"
finish
