#!/bin/sh
# tests/http/223-dashboard-units-fell.sh
# Issue 17 §2: the dashboard's units are the ones the report writes, and
# its 较上年下降 list holds exactly the rates worse than last year.
#   - Units: 持证执法人员, 调解员, 受众, 发放普法资料, 培训人次 say 人, 名, 人次,
#     份, 人次 on their cards (they said 项/件), the same count and word the
#     report's text (/report.md) writes.
#   - 2026, a year still running (FAZHI_TODAY=2026-06-30): each rate is set
#     against the same period of 2025, as the 近年变化 page computes it; the
#     list is exactly the rates whose value fell (a higher-is-worse rate,
#     纠错率/败诉率 by the schema's breakdowns: rose), each saying last
#     year's value; a rate with no data in either year is never listed.
#   - 2025: the demo has no 2024 records, so no rate has a last-year value:
#     nothing is listed (no bogus "fell" from a missing year), the tile
#     says 0项. An indicator without data (无数据, 2026) is never listed.
#   - A write to last year's records moves the dashboard's 上年同期 value at
#     once (the figures are kept across requests per data version).
. "$(dirname "$0")/lib.sh"
start_server

# listed FILE ID: the indicators (kind.name) of the summary's list ID
listed(){ sed -n "s/.*<div class=\"sum-list\" id=\"$2\">\(.*\)/\1/p" "$1" | sed 's/<\/div>.*//' | grep -o 'href="#i-[a-z_0-9]*-[a-z_0-9]*"' | sed 's/href="#i-\([a-z_0-9]*\)-\([a-z_0-9]*\)"/\1.\2/' | sort; }
# card FILE KIND.IND: the value text on that indicator's card
card(){ sed 's/<div class="card/\n&/g' "$1" | grep "data-indicator=\"$2\"" | sed 's/.*<div class="value"><a [^>]*>\([^<]*\)<.*/\1/' | head -1; }

# 1. Units as the report writes them.
login admin
get "/?year=2025"
expect_status 200
cp "$BODY" "$T/d2025.html"
get "/report.md?year=2025"
expect_status 200 "the report's text"
cp "$BODY" "$T/report.md"
for spec in "officer.officers|持证执法人员|人" "mediation_org.mediators|调解员|名" "law_publicity.audience|受众|人次" \
            "law_publicity.materials|发放普法资料|份" "study_session.trained|培训|人次"; do
  ind=${spec%%|*}; rest=${spec#*|}; word=${rest%%|*}; unit=${rest#*|}
  txt=$(card "$T/d2025.html" "$ind")
  n=$(echo "$txt" | sed -n 's/^\([0-9]*\).*/\1/p')
  expect_eq "$txt" "$n$unit" "$ind's card says $unit"
  expect_contains "$T/report.md" "$word$n$unit" "…as the report does: $word$n$unit"
done
check "no card of these says 项 or 件" sh -c "! grep -Eo 'data-indicator=\"(officer.officers|mediation_org.mediators|law_publicity.audience|law_publicity.materials|study_session.trained)\"><div class=\"label\">[^<]*</div><div class=\"value\"><a [^>]*>[0-9]*[项件]<' '$T/d2025.html' | grep -q ."

# 2. 2025 against 2024 (no records): nothing fell.
expect_contains "$T/d2025.html" '<span class="t-label">较上年下降</span><span class="t-value">0项</span>' "no rate has a 2024 value"
check "the 2025 rates have data (so the comparison was made)" grep -q 'data-indicator="reconsideration.ontime_rate"' "$T/d2025.html"
expect_eq "$(listed "$T/d2025.html" fell | wc -l | tr -d ' ')" 0 "no bogus 'fell' entry when last year has no data"
# 3. 2026 (running) against 2025's same period, rate by rate.
get "/?year=2026"
cp "$BODY" "$T/d2026.html"
expect_contains "$T/d2026.html" '<span class="t-label">较上年同期下降</span>'
listed "$T/d2026.html" fell >"$T/page.fell"
api_login admin
api GET /api/v1/schema
jq -r '.kinds[] | .id as $k | (.breakdowns // [])[] | select(.high_is_bad == true) | "\($k).\(.indicator)"' "$BODY" | sort -u >"$T/highbad"
check "the schema names higher-is-worse rates" test -s "$T/highbad"
api GET "/api/v1/indicators?year=2026"
cp "$BODY" "$T/ind2026.json"
jq -r '.indicators[] | select(.unit == "%" and .value != null) | "\(.kind).\(.name) \(.value)"' "$T/ind2026.json" >"$T/rates"
: >"$T/want.fell"
NCMP=0
while read -r ind v26; do
  k=${ind%%.*}; n=${ind#*.}
  get "/trend?kind=$k&ind=$n&year=2026"
  [ "$STATUS" = 200 ] || continue              # a register as it stands now: no last year
  t25=$(grep -o '<tr><td>2025年</td><td><a [^>]*>[^<]*</a>' "$BODY" | sed 's/.*>\([^<]*\)<\/a>$/\1/')
  v25=$(echo "$t25" | sed -n 's/^\([0-9.]*\)%$/\1/p')
  [ -n "$v25" ] || continue                      # no data in 2025's same period
  NCMP=$((NCMP+1))
  if grep -qx "$ind" "$T/highbad"; then worse=$(awk -v a="$v26" -v b="$v25" 'BEGIN{print (a>b)}')
  else worse=$(awk -v a="$v26" -v b="$v25" 'BEGIN{print (a<b)}'); fi
  if [ "$worse" = 1 ]; then
    echo "$ind" >>"$T/want.fell"
    expect_contains "$T/d2026.html" "<a href=\"#i-$k-$n\">" "$ind is listed"
    check "$ind says last year's value $t25" grep -q "<a href=\"#i-$k-$n\">[^<]*</a> <b>[^<]*</b>，上年同期为$t25" "$T/d2026.html"
  fi
done <"$T/rates"
check "rates were compared ($NCMP)" test "$NCMP" -gt 10
sort -o "$T/want.fell" "$T/want.fell"
# an indicator without data this year (无数据) is never below target, nor fallen
jq -r '.indicators[] | select(.value == null) | "\(.kind).\(.name)"' "$T/ind2026.json" | sort >"$T/empty2026"
check "some 2026 indicators have no data" test -s "$T/empty2026"
listed "$T/d2026.html" below >"$T/page.below"
sort -u "$T/page.below" "$T/page.fell" >"$T/page.any"
expect_eq "$(comm -12 "$T/empty2026" "$T/page.any" | wc -l | tr -d ' ')" 0 "no indicator without data is listed"
check "the list is exactly the rates worse than 2025's same period ($(wc -l <"$T/want.fell" | tr -d ' '))" cmp -s "$T/want.fell" "$T/page.fell"
check "some rates fell in the demo" test -s "$T/want.fell"
expect_contains "$T/d2026.html" "<span class=\"t-value\">$(wc -l <"$T/want.fell" | tr -d ' ')项</span>" "the tile counts them"

# 4. A write moves last year's figures at once (they are kept across
# requests per data version): three open 2025 problems (a clerk's) lower 2025's
# 整改完成率 (same period); the dashboard says the new value, as 近年变化 does.
lastsaid(){ grep -o "<a href=\"#i-rectification-close_rate\">[^<]*</a> <b>[^<]*</b>，上年同期为[0-9.]*%" "$1" | sed 's/.*上年同期为//'; }
BEFORE=$(lastsaid "$T/d2026.html")
check "整改完成率 is listed as fallen ($BEFORE last year)" test -n "$BEFORE"
login shichang
for i in 1 2 3; do
  post_form /k/rectification/new problem_no="DASH-$i" source=other problem="工作台测试问题$i" found=2025-03-0$i days=30
  expect_status 303 "an open 2025 problem ($i)"
done
login admin
get "/trend?kind=rectification&ind=close_rate&year=2026"
T25=$(grep -o '<tr><td>2025年</td><td><a [^>]*>[^<]*</a>' "$BODY" | sed 's/.*>\([^<]*\)<\/a>$/\1/')
check "the 2025 rate moved ($BEFORE → $T25)" test -n "$T25" -a "$T25" != "$BEFORE"
get "/?year=2026"
cp "$BODY" "$T/d2026b.html"
expect_eq "$(lastsaid "$T/d2026b.html")" "$T25" "the dashboard's 上年同期 follows the write"
finish
