#!/bin/sh
# tests/http/067-versions.sh
# 权责清单 is versioned year to year: the demo holds the 2025 version and
# the 2026 version carried from it on 2026-01-06. A code is unique within
# a version but the same code lives on in the next; the list and the
# indicators of a year are that year's version; carrying into a year that
# already has its version is refused and writes nothing; carrying 2026
# into 2027 copies every item not cancelled, marked 沿用, over the web and
# the API; the report states the version's figures. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

n_year(){ sql "SELECT count(*) FROM power_item WHERE list_year=$1"; }
n_active(){ sql "SELECT count(*) FROM power_item WHERE list_year=$1 AND state='active'"; }
N25=$(n_year 2025); N26=$(n_year 2026); A25=$(n_active 2025); A26=$(n_active 2026)
check "the demo holds two versions ($N25, $N26 items)" [ "$N25" -gt 500 -a "$N26" -gt 500 ]
# 2026 was carried from 2025: every item in force at the end of 2025, plus those added since
expect_eq "$(sql "SELECT count(*) FROM power_item WHERE list_year=2026 AND change<>'added'")" "$A25" "2026 holds 2025's items in force"
expect_eq "$(sql "SELECT count(*) FROM power_item a WHERE list_year=2026 AND change='carried' AND NOT EXISTS (SELECT 1 FROM power_item b WHERE b.list_year=2025 AND b.code=a.code AND b.name=a.name AND b.state='active')")" 0 \
  "each carried item is last year's item, same code and name"

# 1. A code is unique within its version, not across versions.
CODE=$(sql "SELECT code FROM power_item WHERE list_year=2026 ORDER BY id LIMIT 1")
DEPT=$(sql "SELECT d.name FROM power_item p, dept d WHERE d.id=p.dept_id AND p.list_year=2026 AND p.code='$CODE'")
api POST /api/v1/k/power_item "{\"dept_id\":\"$DEPT\",\"list_year\":2026,\"code\":\"$CODE\",\"name\":\"重复\",\"category\":\"行政处罚\",\"change\":\"新增\"}"
expect_status 422 "a code twice in one version"
expect_json ".errors | any(.field == \"code\" and (.message | contains(\"在2026年度清单中已存在\")))"
N27=$(n_year 2027)
expect_eq "$N27" 0 "no 2027 version yet"

# 2. The list and the indicators of a year are that year's version.
api_get "/api/v1/k/power_item?year=2025&size=1"
expect_json ".total == $N25" "the 2025 list is the 2025 version"
api_get "/api/v1/k/power_item?year=2026&size=1"
expect_json ".total == $N26" "the 2026 list is the 2026 version"
api_get "/api/v1/indicators?year=2026"
expect_json ".indicators[] | select(.kind==\"power_item\" and .name==\"items\") | .value == \"$A26\"" "items in force in 2026"
api_get "/api/v1/indicators?year=2025"
expect_json ".indicators[] | select(.kind==\"power_item\" and .name==\"items\") | .value == \"$A25\"" "items in force in 2025"

# 3. Carrying into a version that already holds every item copies nothing
#    and is refused; so are a year without a version and bad input.
api POST /api/v1/k/power_item/carry '{"from":2025}'
expect_status 422 "2025 → 2026 again"
expect_json '.errors[0].message | contains("2026年度权责清单已包含2025年度的全部在册事项")'
expect_eq "$(n_year 2026)" "$N26" "2026 unchanged"
api POST /api/v1/k/power_item/carry '{"from":2019}'
expect_status 422 "a year without a version"
expect_json '.errors[0].message | contains("2019年度权责清单没有事项")'
api POST /api/v1/k/power_item/carry '{"from":"明年"}'
expect_status 400 "a year that is not a number"
api POST /api/v1/k/power_item/carry '{"from":"2147483647"}'
expect_status 400 "a year out of range"
api POST /api/v1/k/power_item/carry '{"from":2100}'
expect_status 422 "no version after 2100"
api POST /api/v1/k/service_item/carry '{"from":2025}'
expect_status 404 "a catalog without versions"
api_login leader
api POST /api/v1/k/power_item/carry '{"from":2026}'
expect_status 403 "a leader cannot carry a version"
expect_eq "$(n_year 2027)" 0 "nothing written"

# 4. The web: the list of 2026 offers 2027; a department clerk carries her
#    own department's items only.
login shichang
get "/k/power_item?year=2026"
expect_contains "$BODY" 'action="/k/power_item/carry"' "the list offers the carry"
expect_contains "$BODY" '沿用本年度清单生成2027年度清单'
MINE=$(sql "SELECT count(*) FROM power_item p, dept d WHERE d.id=p.dept_id AND d.name='示范县市场监督管理局' AND p.list_year=2026 AND p.state='active'")
check "市场监管局 has $MINE items in force" [ "$MINE" -gt 0 ]
post_form /k/power_item/carry from=2026
expect_status 303 "the clerk carries 2026 into 2027"
expect_eq "$(location)" "/k/power_item?year=2027&msg=carried"
get "/k/power_item?year=2027&msg=carried"
expect_contains "$BODY" '已沿用上年度清单生成本年度清单'
expect_contains "$BODY" "共 $MINE 条" "her department's items, no others"
expect_eq "$(n_year 2027)" "$MINE" "only hers in the database"
expect_eq "$(sql "SELECT count(*) FROM power_item WHERE list_year=2027 AND (change<>'carried' OR state<>'active')")" 0 "all marked 沿用, in force"
expect_eq "$(sql "SELECT count(*) FROM power_item WHERE list_year=2027 AND (changed IS NOT NULL OR note IS NOT NULL)")" 0 "copies start without last year's 调整日期 and 说明"
post_form /k/power_item/carry from=2026
expect_status 422 "her second carry copies nothing and is refused"
expect_contains "$BODY" '2027年度权责清单已包含2026年度的全部在册事项'

# 5. The county admin then carries the rest: each item once.
api_as admin
api POST /api/v1/k/power_item/carry '{"from":2026}'
expect_status 201 "the admin carries the rest"
expect_json ".from == 2026 and .to == 2027 and .copied == $((A26 - MINE))" "the items not yet carried"
expect_eq "$(n_year 2027)" "$A26" "2027 holds every item in force in 2026, once"
expect_eq "$(sql "SELECT count(*) FROM (SELECT code FROM power_item WHERE list_year=2027 GROUP BY code HAVING count(*)>1) x")" 0 "no code twice"
expect_eq "$(sql "SELECT count(DISTINCT list_year) FROM power_item WHERE code=(SELECT code FROM power_item WHERE list_year=2025 AND state='active' AND code IN (SELECT code FROM power_item WHERE list_year=2027) ORDER BY id LIMIT 1)")" 3 "one code in three versions"
expect_eq "$(sql "SELECT count(*) FROM audit a, power_item p WHERE a.kind='power_item' AND a.action='insert' AND a.rec_id=p.id AND p.list_year=2027")" "$A26" "each copy is in the audit log"

# 6. The report states the 2026 version's figures.
api_get "/report.md?year=2026"
ADDED=$(sql "SELECT count(*) FROM power_item WHERE list_year=2026 AND state='active' AND change='added'")
CANC=$(sql "SELECT count(*) FROM power_item WHERE list_year=2026 AND state='cancelled'")
expect_contains "$BODY" "2026年度权责清单共列权责事项${A26}项" "report: items of the version"
expect_contains "$BODY" "权责事项同比" "report: year on year"
expect_contains "$BODY" "较上年度新增${ADDED}项" "report: added"
expect_contains "$BODY" "取消${CANC}项" "report: cancelled"
finish
