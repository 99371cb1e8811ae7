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
#   indicator|value text|value href|num|num href|den|den href|value number
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
        da = c; sub(/.* \/ /, "", da)        # a link, or a plain span when there are no records (departments)
        nh = href(na); n = text(na); d = text(da); dh = index(da, "<a ")==1 ? href(da) : ""
      }
      vn = text(v); if( match(vn, /^[0-9.]+/) ) vn = substr(vn, 1, RLENGTH); else vn = ""
      printf "%s|%s|%s|%s|%s|%s|%s|%s\n", ind, text(v), href(v), n, nh, d, dh, vn
    }'
}

# The indicators whose numerator is a sum or a distinct count (not a count
# of records) cannot be traced by counting rows. The schema as the admin
# sees it: the county's own kinds (the demo's examples) are in it.
api_login admin
api GET /api/v1/schema
jq -r '.kinds[] | .id as $k | (.indicators // [])[] | select(.numerator.agg != "count") | "\($k).\(.id)"' "$BODY" >"$T/sums"
jq -r '.kinds[] | .id as $k | (.indicators // [])[] | select((.denominator.agg // "count") != "count") | "\($k).\(.id)"' "$BODY" >"$T/densums"

# trace USER YEAR: every card of USER's dashboard for YEAR against the API
# (one awk pass) and against the lists its links open.
trace(){
  who=$1 year=$2
  as "$who"
  get "/?year=$year&all=1"          # a clerk: every kind, as the API lists them
  expect_status 200 "$who dashboard $year"
  cards "$BODY" >"$T/cards"
  check "$who dashboard $year has cards" test -s "$T/cards"
  api_as "$who"
  api GET "/api/v1/indicators?year=$year"
  expect_status 200 "$who indicators $year"
  jq -r '.indicators[] | [.kind + "." + .name, .text, (.numerator|tostring), (.denominator // "" | tostring)] | join("|")' "$BODY" >"$T/api.tsv"
  expect_eq "$(wc -l <"$T/cards" | tr -d ' ')" "$(wc -l <"$T/api.tsv" | tr -d ' ')" "$who $year: one card per API indicator"
  awk -F'|' -v who="$who" -v year="$year" '
    NR == FNR { text[$1] = $2; num[$1] = $3; den[$1] = $4; next }
    {
      id = who " " year " " $1
      if( !($1 in text) ){ print "FAIL " id ": no such indicator in the API"; next }
      if( text[$1] == $2 ) print "ok"; else print "FAIL " id ": card «" $2 "», API «" text[$1] "»"
      if( $5 != "" ){
        if( num[$1] == $4 ) print "ok"; else print "FAIL " id ": card numerator " $4 ", API " num[$1]
        if( den[$1] == $6 ) print "ok"; else print "FAIL " id ": card denominator " $6 ", API " den[$1]
      }
    }' "$T/api.tsv" "$T/cards" >"$T/cmp"
  NPASS=$((NPASS + $(grep -c '^ok$' "$T/cmp")))
  grep '^FAIL' "$T/cmp" | while read -r line; do echo "FAIL [$TEST_NAME] ${line#FAIL }"; done
  NFAIL=$((NFAIL + $(grep -c '^FAIL' "$T/cmp")))
  as "$who"
  while IFS='|' read -r ind vt vh n nh d dh vn; do
    if [ -n "$nh" ]; then
      if ! grep -qx "$ind" "$T/sums"; then
        get "$nh"
        expect_eq "$(list_total)" "$n" "$who $year $ind: numerator link lists $n records"
      fi
      if [ -z "$dh" ]; then
        check "$who $year $ind: the denominator counts departments, not records: no link" test "$ind" = legal_counsel.coverage_rate
      elif ! grep -qx "$ind" "$T/densums"; then
        get "$dh"
        expect_eq "$(list_total)" "$d" "$who $year $ind: denominator link lists $d records"
      fi
    elif ! grep -qx "$ind" "$T/sums"; then   # a summed count lists the records it sums
      get "$vh"
      expect_eq "$(list_total)" "$vn" "$who $year $ind: count link lists the count"
    fi
  done <"$T/cards"
}

# 1. The admin's 复议 ontime card, step by step (the brief's example).
login admin
api_login admin
get /?year=2025
cards "$BODY" | grep '^reconsideration\.ontime_rate|' >"$T/ontime"
IFS='|' read -r ind vt vh N NH D DH VN <"$T/ontime"
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
cards "$BODY" | grep '^service_case\.cases|' | cut -d'|' -f2 >"$T/leader_sc"
as shichang
get "/?year=2026"
cards "$BODY" | grep '^service_case\.cases|' | cut -d'|' -f2 >"$T/shichang_sc"
expect_eq "$(cat "$T/leader_sc")" "$(cat "$T/shichang_sc")" "leader's dept filter = shichang's own 办件量"
expect_eq "$(cat "$T/shichang_sc")" "$(sql "SELECT count(*) FROM service_case WHERE dept_id=$D_SC AND received BETWEEN '2026-01-01' AND '2026-12-31'")件" "shichang's 办件量 = its 2026 rows"
api_as admin
api GET "/api/v1/indicators?year=2026&dept=$D_SC"
expect_json ".dept_id == $D_SC and (.indicators[] | select(.kind == \"service_case\" and .name == \"cases\") | .text) == \"$(cat "$T/shichang_sc")\"" "admin's dept filter = shichang's own 办件量"

# 4. The 逾期/即将到期 view: a case received 2026-06-01 and never accepted is
# overdue (5 working days end 06-08; 06-19 is 端午节), and the due=1 list
# holds exactly the rows the full list marks overdue or due soon.
login fuyi
post_form /k/reconsideration/new case_no=示复〔2026〕逾-1号 applicant=逾某 respondent=示范县公安局 matter=other \
  received=2026-06-01 procedure=ordinary
expect_status 303 "an unaccepted case from 06-01"
OID=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
get "/k/reconsideration/$OID"
expect_contains "$BODY" '<tr class="overdue"><td>受理审查期限</td><td>2026-06-08</td><td>已逾期15个工作日</td>'
get "/k/reconsideration?year=2026&size=200"
check "one page holds the year ($(list_total) rows)" test "$(list_total)" -le 200
expect_contains "$BODY" '<td class="dl late" data-l="期限" title="受理审查期限">已逾期15个工作日<span class="nw">（2026-06-08届满）</span></td>' "list deadline cell"
MARKED=$(grep -o '<tr class="\(overdue\|due-soon\)">' "$BODY" | wc -l | tr -d ' ')
get "/k/reconsideration?year=2026&size=200&due=1"
expect_eq "$(list_total)" "$MARKED" "due=1 lists the rows marked overdue or due soon"
expect_eq "$(grep -c '<tr class="\(overdue\|due-soon\)">' "$BODY" | tr -d ' ')" "$MARKED" "every due=1 row is marked"
expect_contains "$BODY" "href=\"/k/reconsideration/$OID\"" "the overdue case is in the due list"

finish
