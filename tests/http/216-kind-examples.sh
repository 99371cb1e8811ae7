#!/bin/sh
# tests/http/216-kind-examples.sh
# Issue 15 §2: the example 自定义台账 of examples/kinds/ (公证, 荣誉表彰,
# 法治宣传作品与报道, 评理说事点, 矛盾纠纷排查, 涉企诉求). Each file is
# added by `fazhi kind add` into a new database and exports as the demo
# (which embeds the folder) stored it; the demo has records of each; the
# demo's 2025 report states each kind's sentence with the figures its
# records give (counted here with SQL), the dashboard shows them, and the
# Word report's appendix (统计口径) says a money sum is counted in 元 to
# two decimals. `fazhi check` passes. Runs on both backends (FZ_BACKEND=pg:
# the demo database, where the examples were added, is PostgreSQL).
. "$(dirname "$0")/lib.sh"
start_server
EX=$(cd "$(dirname "$0")/../../examples/kinds" && pwd)

# 1. Every file loads (a new SQLite database, the command line) and is what
# the demo stored (its export, the same object).
"$FAZHI" init --db "$T/fresh.db" --county 他县 >/dev/null 2>&1
n=0
for f in "$EX"/*.json; do
  n=$((n+1))
  id=$(jq -r .id "$f")
  "$FAZHI" kind --db "$T/fresh.db" add "$f" >"$T/add.out" 2>&1
  expect_eq "$?" 0 "$id: fazhi kind add $(basename "$f")"
  "$FAZHI" kind --db "$T/fresh.db" export "$id" -o "$T/fresh-$id.json" 2>/dev/null
  "$FAZHI" kind --db "$DB" export "$id" -o "$T/demo-$id.json" 2>/dev/null
  expect_eq "$?" 0 "$id: the demo has it"
  check "$id: the demo stored the folder's definition" sh -c "jq -S . '$T/fresh-$id.json' >'$T/a.json' && jq -S . '$T/demo-$id.json' >'$T/b.json' && cmp -s '$T/a.json' '$T/b.json'"
  expect_ne "$(sql "SELECT count(*) FROM $id")" 0 "$id: the demo gave it records"
done
expect_eq "$n" 6 "six example definitions"
expect_eq "$(sql "SELECT count(*) FROM kind_def")" 6 "the demo stored one version of each"

# 2. The 2025 report states each kind's figures (from its records).
"$FAZHI" report --db "$DB" --year 2025 --format md -o "$T/r.md" >/dev/null 2>&1
expect_eq "$?" 0 "the 2025 report"
Y="BETWEEN '2025-01-01' AND '2025-12-31'"
# 公证: certificates, consults, waived fees in 元 with two decimals
CERT=$(sql "SELECT count(*) FROM notarization WHERE entry='cert' AND entry_on $Y")
CONS=$(sql "SELECT sum(persons) FROM notarization WHERE entry='consult' AND entry_on $Y")
WN=$(sql "SELECT count(*) FROM notarization WHERE waived=1 AND entry_on $Y")
WF=$(sql "SELECT sum(fee_waived) FROM notarization WHERE waived=1 AND entry_on $Y")
WY=$(echo "$WF" | awk '{ y=int($1/100); f=$1%100; s=""; while( y>=1000 ){ s=sprintf(",%03d%s", y%1000, s); y=int(y/1000) } printf "%d%s.%02d", y, s, f }')
expect_contains "$T/r.md" "全年办理公证${CERT}件" "公证: 办证件数"
expect_contains "$T/r.md" "提供公证咨询${CONS}人次" "公证: 咨询人次"
expect_contains "$T/r.md" "为困难群众减免公证费${WN}件、${WY}元。" "公证: 减免公证费 in 元, two decimals"
# 荣誉表彰
HC=$(sql "SELECT count(*) FROM commendation WHERE level IN ('national','provincial','city') AND granted_on $Y")
expect_contains "$T/r.md" "全年获得市级以上法治建设、平安建设荣誉表彰${HC}项" "荣誉表彰: 市级以上"
# 法治宣传作品与报道
VID=$(sql "SELECT count(*) FROM publicity_work WHERE wtype='video' AND released_on $Y")
REP=$(sql "SELECT count(*) FROM publicity_work WHERE wtype IN ('report','article') AND released_on $Y")
expect_contains "$T/r.md" "制作法治宣传微视频${VID}部" "法治宣传: 微视频"
expect_contains "$T/r.md" "在各级媒体刊发法治宣传报道${REP}篇" "法治宣传: 报道"
# 评理说事点: in force at the end of the year
PT=$(sql "SELECT count(*) FROM reasoning_point WHERE set_up_on <= '2025-12-31' AND (closed_on IS NULL OR closed_on > '2025-12-31')")
SP=$(sql "SELECT sum(speakers) FROM reasoning_point WHERE set_up_on <= '2025-12-31' AND (closed_on IS NULL OR closed_on > '2025-12-31')")
expect_contains "$T/r.md" "全县建成“评理说事点”${PT}个，配备评理说事员${SP}名" "评理说事点 at the year's end"
# 矛盾纠纷排查
RD=$(sql "SELECT count(*) FROM dispute_check WHERE checked_on $Y")
FD=$(sql "SELECT sum(found) FROM dispute_check WHERE checked_on $Y")
RS=$(sql "SELECT sum(resolved) FROM dispute_check WHERE checked_on $Y")
expect_contains "$T/r.md" "全年组织矛盾纠纷排查${RD}次" "矛盾纠纷排查: 次数"
expect_contains "$T/r.md" "排查发现矛盾纠纷${FD}件，化解${RS}件，化解率" "矛盾纠纷排查: 发现纠纷件数"
# 涉企诉求
AP=$(sql "SELECT count(*) FROM enterprise_appeal WHERE received_on $Y")
IS=$(sql "SELECT sum(issues) FROM enterprise_appeal WHERE received_on $Y")
SV=$(sql "SELECT sum(solved) FROM enterprise_appeal WHERE received_on $Y")
expect_contains "$T/r.md" "全年受理涉企诉求${AP}件" "涉企诉求: 件数"
expect_contains "$T/r.md" "企业反映问题${IS}个，已解决${SV}个，解决率" "涉企诉求: 问题数, 已解决数"
# …each in its chapter: 涉企诉求 under 依法全面履行政府职能, 排查 under 矛盾纠纷
check "涉企诉求 in 依法全面履行政府职能" awk '/依法全面履行政府职能/{s=1} /依法有效化解矛盾纠纷/{s=0} s && /全年受理涉企诉求/{f=1} END{exit !f}' "$T/r.md"
check "矛盾纠纷排查 in 依法有效化解矛盾纠纷" awk '/依法有效化解矛盾纠纷/{s=1} /^（[一二三四五六七八九十]+）/ && !/依法有效化解矛盾纠纷/{s=0} s && /全年组织矛盾纠纷排查/{f=1} END{exit !f}' "$T/r.md"

# 3. The dashboard states them.
login admin
get "/?year=2025"
expect_status 200
expect_contains "$BODY" 'data-indicator="dispute_check.rounds"' "the dashboard has 矛盾纠纷排查"
expect_contains "$BODY" 'data-indicator="notarization.waived_sum"'
expect_contains "$BODY" "${WY}元" "…and the 减免公证费 in 元"

# 4. The appendix: the money sum in 元 to two decimals.
"$FAZHI" report --db "$DB" --year 2025 --format docx --appendix -o "$T/r.docx" >/dev/null 2>&1
expect_eq "$?" 0 "the Word report"
unzip -p "$T/r.docx" word/document.xml | sed 's/<[^>]*>//g' >"$T/doc.txt"
expect_contains "$T/doc.txt" '报告数字的统计口径'
expect_contains "$T/doc.txt" '公证·减免公证费：求和，以元为单位，保留2位小数' "the appendix: a money sum in 元, two decimals"
expect_contains "$T/doc.txt" '涉企诉求·企业反映问题：求和' "…an integer sum"
expect_contains "$T/doc.txt" '矛盾纠纷排查·开展矛盾纠纷排查：计数' "…a count"

"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
finish
