#!/bin/sh
# tests/http/080-dashboard-trace.sh
# Every figure on the dashboard can be traced to the records behind it: a
# rate card shows N/D, its numerator link lists exactly N records ("共 N 条")
# and its denominator link D; a count card's link lists the count. The API
# (/api/v1/indicators) gives the same figures, and the department filter
# gives what the department's own clerk sees. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server

# cards FILE: one line per dashboard card:
#   indicator <TAB> value text <TAB> value href <TAB> num <TAB> num href <TAB> den <TAB> den href
cards(){
  sed 's/<div class="card[" ]/\n&/g; s/<h2>/\n<h2>/g' "$1" | grep '^<div class="card' | sed 's/&amp;/\&/g' | awk '
    function href(s){ sub(/^[^"]*"/, "", s); sub(/".*/, "", s); return s }
    function text(s){ sub(/^[^>]*>/, "", s); sub(/<.*/, "", s); return s }
    {
      ind = $0; sub(/.*data-indicator="/, "", ind); sub(/".*/, "", ind)
      v = $0; sub(/.*<div class="value"><a /, "", v)
      nh = ""; n = ""; dh = ""; d = ""
      if( index($0, "<div class=\"counts\">") ){
        c = $0; sub(/.*<div class="counts">/, "", c); sub(/<\/div>.*/, "", c)
        na = c; sub(/<\/a>.*/, "", na)
        da = c; sub(/.*<a /, "", da)
        nh = href(na); n = text(na); dh = href(da); d = text(da)
      }
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ind, text(v), href(v), n, nh, d, dh
    }'
}

# The indicators whose numerator is a sum (not a count of records) cannot be
# traced by counting rows.
api GET /api/v1/schema
jq -r '.kinds[] | .id as $k | (.indicators // [])[] | select(.numerator.agg == "sum") | "\($k).\(.id)"' "$BODY" >"$T/sums"
jq -r '.kinds[] | .id as $k | (.indicators // [])[] | select(.denominator.agg == "sum") | "\($k).\(.id)"' "$BODY" >"$T/densums"

# trace USER YEAR: every card of USER's dashboard for YEAR against its links and the API.
trace(){
  who=$1 year=$2
  as "$who"
  get "/?year=$year"
  expect_status 200 "$who dashboard $year"
  cards "$BODY" >"$T/cards"
  check "$who dashboard $year has cards" test -s "$T/cards"
  api_as "$who"
  api GET "/api/v1/indicators?year=$year"
  expect_status 200 "$who indicators $year"
  cp "$BODY" "$T/ind.json"
  expect_eq "$(wc -l <"$T/cards" | tr -d ' ')" "$(jq '.indicators | length' "$T/ind.json")" "$who $year: one card per API indicator"
  while IFS="$(printf '\t')" read -r ind vt vh n nh d dh; do
    k=${ind%%.*} name=${ind#*.}
    jq -c ".indicators[] | select(.kind == \"$k\" and .name == \"$name\")" "$T/ind.json" >"$T/one"
    expect_eq "$(jq -r .text "$T/one")" "$vt" "$who $year $ind: card text = API text"
    if [ -n "$nh" ]; then
      expect_eq "$(jq -r .numerator "$T/one")" "$n" "$who $year $ind: card numerator = API"
      expect_eq "$(jq -r .denominator "$T/one")" "$d" "$who $year $ind: card denominator = API"
      if ! grep -qx "$ind" "$T/sums"; then
        as "$who"; get "$nh"
        expect_eq "$(list_total)" "$n" "$who $year $ind: numerator link lists $n records"
        expect_contains "$BODY" '正在查看指标' "$who $year $ind: the list says it is an indicator's records"
      fi
      if ! grep -qx "$ind" "$T/densums"; then
        as "$who"; get "$dh"
        expect_eq "$(list_total)" "$d" "$who $year $ind: denominator link lists $d records"
      fi
    else
      as "$who"; get "$vh"
      expect_eq "$(list_total)" "$(jq -r .numerator "$T/one")" "$who $year $ind: count link lists the count"
    fi
  done <"$T/cards"
}

# 1. The admin's 复议 ontime card, step by step (the brief's example).
login admin
api_login admin
get /?year=2025
cards "$BODY" | grep '^reconsideration\.ontime_rate	' >"$T/ontime"
IFS="$(printf '\t')" read -r ind vt vh N NH D DH <"$T/ontime"
check "ontime card has N/D (N=$N D=$D)" test -n "$N" -a -n "$D"
check "the year has closed cases (D=$D)" test "${D:-0}" -gt 0
check "a few closed late (N=$N < D=$D)" test "${N:-0}" -lt "${D:-0}"
EXPECT=$(awk -v n="$N" -v d="$D" 'BEGIN{ printf "%.1f%%", int(n*1000/d + 0.5)/10 }')
expect_eq "$vt" "$EXPECT" "ontime card value = N/D rounded to 0.1%"
get "$NH"
expect_contains "$BODY" "共 $N 条" "numerator link lists N"
expect_contains "$BODY" '正在查看指标「法定期限结案率」的分子记录'
get "$DH"
expect_contains "$BODY" "共 $D 条" "denominator link lists D"
expect_contains "$BODY" '正在查看指标「法定期限结案率」的分母记录'
# the denominator is the year's closed cases; the numerator those in time
expect_eq "$D" "$(sql "SELECT count(*) FROM reconsideration WHERE state='closed' AND received BETWEEN '2025-01-01' AND '2025-12-31'")" "D = closed cases received in 2025"
api GET /api/v1/indicators?year=2025
expect_json ".indicators[] | select(.kind == \"reconsideration\" and .name == \"ontime_rate\") | .numerator == $N and .denominator == $D and .text == \"$EXPECT\""
# exporting the numerator's records gives the same N rows
get "$(echo "$NH" | sed 's|^/k/reconsideration?|/k/reconsideration/export.xlsx?|')"
cp "$BODY" "$T/num.xlsx"
expect_eq "$(unzip -p "$T/num.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l | tr -d ' ')" "$((N+1))" "export of the numerator has N rows and a header"

# A late case closed today moves the numbers: D+1 and N unchanged.
login fuyi
post_form /k/reconsideration/new case_no=示复〔2025〕迟-1号 applicant=迟某 respondent=示范县教育局 matter=other \
  received=2025-12-01 accepted=2025-12-03 procedure=ordinary outcome=dismiss
expect_status 303 "a case accepted on 2025-12-03"
RID=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
post_form "/k/reconsideration/$RID/do/accept"
expect_status 303 "受理 keeps the 受理日期 given"
post_form "/k/reconsideration/$RID/do/close"
expect_status 303 "closed on 2026-06-30, months after its deadline"
get "/k/reconsideration/$RID"
expect_contains "$BODY" '<td>复议决定期限</td><td>2026-02-02</td><td>逾期完成</td>' "60 days from 2025-12-03 end 2026-02-01 (Sunday) -> 02-02"
as admin
api GET /api/v1/indicators?year=2025
expect_json ".indicators[] | select(.kind == \"reconsideration\" and .name == \"ontime_rate\") | .numerator == $N and .denominator == $((D+1))" "the late case counts in D only"

# 2. Every card, as the leader (who sees the whole county), this year and last.
login leader
api_login leader
trace leader 2026
trace leader 2025
# and as a clerk, this year
login shichang
api_login shichang
trace shichang 2026

# 3. The department filter on the dashboard gives the clerk's own figures.
D_SC=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
as leader
get "/?year=2026&dept=$D_SC"
cards "$BODY" | grep '^service_case\.cases	' | cut -f2 >"$T/leader_sc"
as shichang
get "/?year=2026"
cards "$BODY" | grep '^service_case\.cases	' | cut -f2 >"$T/shichang_sc"
expect_eq "$(cat "$T/leader_sc")" "$(cat "$T/shichang_sc")" "leader's dept filter = shichang's own 办件量"
expect_eq "$(cat "$T/shichang_sc")" "$(sql "SELECT count(*) FROM service_case WHERE dept_id=$D_SC AND received BETWEEN '2026-01-01' AND '2026-12-31'")件" "shichang's 办件量 = its 2026 rows"
api_as admin
api GET "/api/v1/indicators?year=2026&dept=$D_SC"
expect_json ".dept_id == $D_SC and (.indicators[] | select(.kind == \"service_case\" and .name == \"cases\") | .text) == \"$(cat "$T/shichang_sc")\"" "admin's dept filter = shichang's own 办件量"

finish
