#!/bin/sh
# tests/http/218-kind-past-year.sh
# Issue 15 §2: "a past year's report is drawn with the definition in force
# then". The demo's 矛盾纠纷排查 (examples/kinds, version 1) is changed in
# 2026: a field renamed, a field removed, an indicator renamed, a rate
# given two decimals, the report sentence reworded (version 2). The 2025
# report (page, Markdown, Word and its 统计口径 appendix) still speaks as
# version 1 did; the 2026 report speaks as version 2; the removed field's
# values stay; the list shows the new names. Both backends.
. "$(dirname "$0")/lib.sh"
start_server
"$FAZHI" kind --db "$DB" export dispute_check -o "$T/v1.json" 2>/dev/null
expect_eq "$?" 0 "the demo's 矛盾纠纷排查"
NREP=$(sql "SELECT count(*) FROM dispute_check WHERE reported IS NOT NULL")
expect_ne "$NREP" 0 "records with 上报件数"
jq '(.fields[] | select(.id=="found")).label = "排查发现纠纷件数"
  | del(.fields[] | select(.id=="reported"))
  | (.indicators[] | select(.id=="found")).label = "发现各类矛盾纠纷"
  | (.indicators[] | select(.id=="resolve_rate")).decimals = 2
  | .indicators |= map(select(.id != "special"))
  | .report.sentences = ["开展各类矛盾纠纷排查{rounds}次，发现纠纷{found}件，化解率{resolve_rate%}。"]' "$T/v1.json" >"$T/v2.json"
api_login admin
api POST /api/v1/kinds "$(cat "$T/v2.json")"
expect_status 200 "version 2 is saved (2026)"
expect_json '.version == 2'

Y5="BETWEEN '2025-01-01' AND '2025-12-31'"
Y6="BETWEEN '2026-01-01' AND '2026-12-31'"
R5=$(sql "SELECT count(*) FROM dispute_check WHERE checked_on $Y5")
F5=$(sql "SELECT sum(found) FROM dispute_check WHERE checked_on $Y5")
S5=$(sql "SELECT count(*) FROM dispute_check WHERE scope='special' AND checked_on $Y5")
R6=$(sql "SELECT count(*) FROM dispute_check WHERE checked_on $Y6")
F6=$(sql "SELECT sum(found) FROM dispute_check WHERE checked_on $Y6")

# 1. The report pages: 2025 as version 1 wrote it, 2026 as version 2.
login admin
text(){ sed 's/<[^>]*>//g' "$BODY" >"$T/page.txt"; }    # the figures are links
get "/report?year=2025"
expect_status 200
text
expect_contains "$T/page.txt" "全年组织矛盾纠纷排查${R5}次，其中专项排查${S5}次，排查发现矛盾纠纷${F5}件" "2025: version 1's sentence (and its 专项排查, removed in 2026)"
expect_not_contains "$T/page.txt" '开展各类矛盾纠纷排查' "2025: not version 2's"
get "/report?year=2026"
text
expect_contains "$T/page.txt" "开展各类矛盾纠纷排查${R6}次，发现纠纷${F6}件，化解率" "2026: version 2's sentence"
expect_not_contains "$T/page.txt" '全年组织矛盾纠纷排查' "2026: not version 1's"
check "2026: the rate to two decimals" grep -q '化解率[0-9]*\.[0-9][0-9]%' "$T/page.txt"

# 2. The Word report's appendix: the indicators as each year defined them.
for y in 2025 2026; do
  "$FAZHI" report --db "$DB" --year $y --format docx --appendix -o "$T/r$y.docx" >/dev/null 2>&1
  unzip -p "$T/r$y.docx" word/document.xml | sed 's/<[^>]*>//g' >"$T/r$y.txt"
done
expect_contains "$T/r2025.txt" '矛盾纠纷排查·排查发现矛盾纠纷：求和。求和对象：发现矛盾纠纷件数之和' "2025 appendix: version 1's names"
expect_contains "$T/r2025.txt" '矛盾纠纷排查·排查纠纷化解率：分子÷分母×100%，保留1位小数' "2025 appendix: one decimal"
expect_contains "$T/r2025.txt" '矛盾纠纷排查·专项排查：计数' "2025 appendix: the indicator version 2 removed"
expect_contains "$T/r2026.txt" '矛盾纠纷排查·发现各类矛盾纠纷：求和。求和对象：排查发现纠纷件数之和' "2026 appendix: version 2's names"
expect_contains "$T/r2026.txt" '矛盾纠纷排查·排查纠纷化解率：分子÷分母×100%，保留2位小数' "2026 appendix: two decimals"
expect_not_contains "$T/r2026.txt" '矛盾纠纷排查·专项排查' "2026 appendix: no 专项排查"
"$FAZHI" report --db "$DB" --year 2025 --format md -o "$T/r2025.md" >/dev/null 2>&1
expect_contains "$T/r2025.md" "全年组织矛盾纠纷排查${R5}次" "the command line's 2025 report too"

# 3. The records: the removed field's values stay; today's pages use version 2.
expect_eq "$(sql "SELECT count(*) FROM dispute_check WHERE reported IS NOT NULL")" "$NREP" "上报件数 kept"
get /k/dispute_check
expect_contains "$BODY" '排查发现纠纷件数' "the list: the new label"
expect_not_contains "$BODY" '上报件数' "…no removed field"

"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
finish
