#!/bin/sh
# tests/http/208-local-period-rules.sh
# Provincial and local rules as data (issue 16 §5). Two new counties 乙县
# and 丙县 under 示范市 (fazhi init, fazhi city), each with its own
# 规范性文件 and 12345 records, so every figure below is counted by hand:
# - 乙县's admin sets 报送备案期限 15日 from 2026-01-01 (a 县级规定): its
#   file published Mon 2026-03-02 is due 2026-03-17 (not 04-01), filed
#   03-20 it is late, 乙县's 法定期限备案率 falls from 100.0 to 0.0; 丙县's
#   identical file stays due 04-01 and 100.0. The case shows the source.
# - 12345 投诉 5个工作日 for 乙县 (working days: the SQL shape on
#   PostgreSQL): received Mon 03-02, closed Fri 03-13, due Mon 03-09:
#   late; 丙县's stays due Thu 03-19 (13 working days) and on time.
# - A past case keeps the rule in force at its start: a file published
#   2025-12-15 is due 2026-01-14 under the declared 30日 (默认规定); a second
#   乙县 rule, 20日 from 2026-06-01, ends the first on 05-31, leaves the
#   March file at 15日 and counts a file of 06-02 (due Mon 06-22, filed
#   Sat 06-20: on time): 乙县 50.0.
# - A 省级规定 for 示范市 (fazhi rule, 10日) reaches 丙县 (due 03-12: late,
#   0.0) but not 乙县, whose own rules are deeper.
# - A period the law fixes (行政复议 决定期限) is refused, naming the law; a
#   county may not set another county's rule nor a 省级 one.
# - fazhi check detects a rule changed behind fazhi's back.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server

for C in 乙县 丙县; do
  "$FAZHI" init --db "$DB" --county "$C" --admin "a$C" >"$T/init.out" 2>&1
  expect_eq "$?" 0 "init $C"
  first_login "a$C" "$(sed -n 's/^一次性密码：//p' "$T/init.out")" Local-Rule-2026x
  api_login "a$C" Local-Rule-2026x
done
"$FAZHI" city --db "$DB" 示范市 乙县 丙县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "示范市 over 乙县 and 丙县"
U_YI=$(sql "SELECT id FROM dept WHERE name='乙县'")
U_BING=$(sql "SELECT id FROM dept WHERE name='丙县'")

# one filing and one 12345 complaint per county, the same dates
for C in 乙县 丙县; do
  api_as "a$C"
  api POST /api/v1/k/normative_doc "{\"doc_no\":\"$C规〔2026〕1号\",\"title\":\"$C停车管理办法\",\"published\":\"2026-03-02\",\"filed_date\":\"2026-03-20\",\"filed_to\":\"city_gov\"}"
  expect_status 201 "$C files a document"
  echo "$(json .id)" >"$T/doc.$C"
  api POST /api/v1/k/hotline_ticket "{\"ticket_no\":\"$C-12345-1\",\"channel\":\"phone\",\"ttype\":\"complaint\",\"summary\":\"噪声扰民\",\"received\":\"2026-03-02\",\"closed\":\"2026-03-13\",\"reply\":\"已处理\"}"
  expect_status 201 "$C takes a complaint"
  HID=$(json .id)
  api POST "/api/v1/k/hotline_ticket/$HID/do/close"
  expect_status 200 "$C closes it"
  echo "$HID" >"$T/hot.$C"
done
api_as a乙县
api POST /api/v1/k/normative_doc '{"doc_no":"乙县规〔2025〕9号","title":"乙县旧文件","published":"2025-12-15","filed_date":"2026-01-10","filed_to":"city_gov"}'
expect_status 201
DOC_OLD=$(json .id)

# rate COUNTY KIND IND: the county admin's figure for 2026
rate(){ api_as "a$1"; api GET "/api/v1/indicators?year=2026"; jq -r ".indicators[] | select(.kind==\"$2\" and .name==\"$3\") | .value" "$BODY"; }
expect_eq "$(rate 乙县 normative_doc filing_ontime_rate)" "100.0" "乙县 before: on time under 30日"
expect_eq "$(rate 丙县 normative_doc filing_ontime_rate)" "100.0" "丙县 before"
expect_eq "$(rate 乙县 hotline_ticket ontime_rate)" "100.0" "乙县 12345 before"

# 1. a county's own rule
api_as a乙县
api POST /api/v1/admin/rules "{\"kind\":\"normative_doc\",\"deadline\":\"filing\",\"unit\":\"$U_YI\",\"length\":\"15\",\"punit\":\"days\",\"from\":\"2026-01-01\",\"basis\":\"某省行政规范性文件管理办法第二十条\"}"
expect_status 200 "乙县 sets 15日"
api POST /api/v1/admin/rules '{"kind":"hotline_ticket","deadline":"full","length":"5","punit":"workdays","from":"2026-01-01","basis":"乙县12345热线工单办理细则第八条"}'
expect_status 200 "…and 5个工作日 for complaints (its own county by default)"
api GET "/api/v1/k/normative_doc/$(cat "$T/doc.乙县")"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-03-17" and .late and .source.level=="county" and .source.length==15' "乙县's file: due 03-17 under its rule, late"
expect_json '.deadlines[] | select(.name=="filing") | .source.text=="依据：某省行政规范性文件管理办法第二十条（县级规定，2026-01-01起施行）"' "…the source named"
api GET "/api/v1/k/hotline_ticket/$(cat "$T/hot.乙县")"
expect_json '.deadlines[] | select(.name=="full") | .due=="2026-03-09" and .late and .source.unit=="workdays"' "乙县's complaint: due 03-09, late"
api GET "/api/v1/k/normative_doc/$DOC_OLD"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-01-14" and (.late|not) and .source.level=="state"' "a file published before the rule keeps 30日"
api_as a丙县
api GET "/api/v1/k/normative_doc/$(cat "$T/doc.丙县")"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-04-01" and (.late|not) and .source.level=="state"' "丙县's file: still 04-01"
api GET "/api/v1/k/hotline_ticket/$(cat "$T/hot.丙县")"
expect_json '.deadlines[] | select(.name=="full") | .due=="2026-03-19" and (.late|not)' "丙县's complaint: still 03-19"
expect_eq "$(rate 乙县 normative_doc filing_ontime_rate)" "0.0" "乙县's on-time rate counts the rule"
expect_eq "$(rate 丙县 normative_doc filing_ontime_rate)" "100.0" "丙县's does not move"
expect_eq "$(rate 乙县 hotline_ticket ontime_rate)" "0.0" "乙县's 12345 rate counts the rule"
expect_eq "$(rate 丙县 hotline_ticket ontime_rate)" "100.0" "丙县's 12345 rate does not move"
# the overdue list: an open complaint of Mon 06-22 is overdue in 乙县
# (5个工作日: due Mon 06-29) and not even due soon in 丙县 (13: Thu 07-09)
for C in 乙县 丙县; do
  api_as "a$C"
  api POST /api/v1/k/hotline_ticket "{\"ticket_no\":\"$C-12345-2\",\"channel\":\"web\",\"ttype\":\"suggest\",\"summary\":\"增设公交站\",\"received\":\"2026-06-22\"}"
  expect_status 201 "$C: an open suggestion"
done
api_as a乙县
api GET "/api/v1/k/hotline_ticket?due=1"
expect_json '[.rows[].fields.ticket_no] == ["乙县-12345-2"]' "乙县's 临期/逾期 list names it"
api_as a丙县
api GET "/api/v1/k/hotline_ticket?due=1"
expect_json '.total == 0' "丙县's does not"
api_as a乙县
api GET "/api/v1/k/normative_doc?ind=filing_ontime_rate&year=2026"
expect_json '.total == 0' "the numerator's list (按期) no longer names it"

# 2. a later rule: the earlier one ends, cases keep the rule of their start
api POST /api/v1/admin/rules "{\"kind\":\"normative_doc\",\"deadline\":\"filing\",\"unit\":\"乙县\",\"length\":\"20\",\"punit\":\"days\",\"from\":\"2026-06-01\",\"basis\":\"某省行政规范性文件管理办法（2026修订）第二十条\"}"
expect_status 200 "a new rule from 06-01"
expect_eq "$(sql "SELECT valid_to FROM period_rule WHERE kind='normative_doc' AND unit_id=$U_YI AND length=15")" "2026-05-31" "the first ends the day before"
api POST /api/v1/admin/rules '{"kind":"normative_doc","deadline":"filing","length":"25","punit":"days","from":"2026-03-01","basis":"x"}'
expect_status 422 "a rule starting before the newest is refused"
expect_contains "$BODY" '已有自2026-06-01起施行的规定'
api POST /api/v1/k/normative_doc '{"doc_no":"乙县规〔2026〕2号","title":"乙县新文件","published":"2026-06-02","filed_date":"2026-06-20","filed_to":"city_gov"}'
expect_status 201
api GET "/api/v1/k/normative_doc/$(json .id)"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-06-22" and (.late|not) and .source.in_force_from=="2026-06-01"' "06-02: 20日, due Mon 06-22"
api GET "/api/v1/k/normative_doc/$(cat "$T/doc.乙县")"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-03-17" and .source.in_force_to=="2026-05-31"' "03-02 keeps the rule in force at its start"
expect_eq "$(rate 乙县 normative_doc filing_ontime_rate)" "50.0" "乙县: one late, one on time"

# 3. a provincial rule reaches the county without its own
"$FAZHI" rule --db "$DB" set normative_doc filing 10 days --unit 示范市 --level province --from 2026-01-01 --basis "某省规范性文件备案规定第九条" >"$T/rule.out" 2>&1
expect_eq "$?" 0 "fazhi rule set: a 省级规定 for 示范市"
expect_eq "$(rate 丙县 normative_doc filing_ontime_rate)" "0.0" "丙县 now counts 10日"
expect_eq "$(rate 乙县 normative_doc filing_ontime_rate)" "50.0" "乙县's own rules come first"
api_as a丙县
api GET "/api/v1/k/normative_doc/$(cat "$T/doc.丙县")"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-03-12" and .source.level=="province" and .source.text=="依据：某省规范性文件备案规定第九条（省级规定，2026-01-01起施行）"' "丙县's file: 省级规定"
"$FAZHI" rule --db "$DB" list >"$T/list.out" 2>&1
expect_eq "$(grep -c '^  #[0-9]*	示范市	省级规定	10日	2026-01-01起施行	某省规范性文件备案规定第九条$' "$T/list.out")" 1 "fazhi rule list names the rule"
expect_contains "$T/list.out" '可由地方规定'
expect_contains "$T/list.out" '法定，不可改' 

# 4. refused
api POST /api/v1/admin/rules '{"kind":"reconsideration","deadline":"decision","length":"30","punit":"days","from":"2026-01-01","basis":"某省规定"}'
expect_status 422 "a period the law fixes"
expect_contains "$BODY" '“行政复议”的“复议决定期限”由法律、行政法规统一规定（《行政复议法》第六十二条'
api POST /api/v1/admin/rules "{\"kind\":\"normative_doc\",\"deadline\":\"filing\",\"unit\":\"乙县\",\"length\":\"9\",\"punit\":\"days\",\"from\":\"2026-09-01\",\"basis\":\"x\"}"
expect_status 422 "丙县's admin may not set 乙县's rule"
expect_contains "$BODY" '没有“乙县”这个单位'
api POST /api/v1/admin/rules '{"kind":"normative_doc","deadline":"filing","level":"province","length":"9","punit":"days","from":"2026-09-01","basis":"x"}'
expect_status 422 "…nor a 省级规定"
api POST /api/v1/admin/rules '{"kind":"normative_doc","deadline":"filing","length":"0","punit":"weeks","from":"2026-02-30","basis":""}'
expect_status 422 "bad fields"
expect_json '[.errors[].field] | sort == ["basis","from","length","punit"]' "…each named"
N=$(sql "SELECT COUNT(*) FROM period_rule")
expect_eq "$N" 4 "nothing refused was written"
"$FAZHI" rule --db "$DB" set proposal reply 2 months --unit 示范市 --from 2026-01-01 --basis x >"$T/rule2.out" 2>&1
expect_eq "$?" 2 "the command line refuses it too"
expect_contains "$T/rule2.out" '代表法》第五十一条'

# 5. check
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "check passes"
sql "UPDATE period_rule SET length=60 WHERE unit_id=$U_YI AND length=20" >/dev/null
"$FAZHI" check --db "$DB" >"$T/check2.out" 2>&1
expect_ne "$?" 0 "check fails after a rule was changed behind fazhi's back"
expect_contains "$T/check2.out" '期限规则（地方规定）'
finish
