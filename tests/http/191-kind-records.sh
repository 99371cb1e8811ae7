#!/bin/sh
# tests/http/191-kind-records.sh
# Issue 15 §2: a custom kind works as a built-in. A department clerk (fuyi,
# 司法局) enters 公证 records through the form, the API and the import
# template; the list, detail, export, dashboard, breakdown by field and the
# report state them. The money field (金额): "1,234.50", "1234.5",
# "88元" are taken and kept as 分; three decimals, a negative amount or a
# word are refused in Chinese naming the field on every path; it shows as
# "1,234.50", the API returns "1234.50", the sum indicator is in 元 with two
# decimals. A definition change (a field removed, a label renamed, a new
# required field) keeps every stored value; check passes after all of it.
. "$(dirname "$0")/lib.sh"
start_server
DEF=$(dirname "$0")/data/kind-notary.json
"$FAZHI" kind --db "$DB" add "$DEF" >/dev/null 2>&1
expect_eq "$?" 0 "the 公证 kind is defined"
D_FUYI=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")

# 1. The form: money in the forms people write it.
login fuyi
get /k/notary/new
expect_status 200 "the form of a custom kind"
expect_contains "$BODY" '减免公证费（元）'
expect_contains "$BODY" 'inputmode="decimal"'
post_form /k/notary/new "dept_id=$D_FUYI" case_no=GZ-1 done_on=2026-03-02 matter=foreign waived=1 "fee_waived=1,234.50" consults=3
expect_status 303 "a record with 1,234.50"
ID1=$(sql "SELECT id FROM notary WHERE case_no='GZ-1'")
expect_eq "$(sql "SELECT fee_waived FROM notary WHERE id=$ID1")" 123450 "stored as 分"
get "/k/notary/$ID1"
expect_contains "$BODY" '1,234.50元' "the detail page shows 元 with two decimals"
post_form /k/notary/new "dept_id=$D_FUYI" case_no=GZ-2 done_on=2026-03-03 matter=civil waived=1 "fee_waived=88元" consults=2
expect_status 303 "88元"
expect_eq "$(sql "SELECT fee_waived FROM notary WHERE case_no='GZ-2'")" 8800
for bad in "12.345|最多两位小数" "-5|不能为负数" "八十|应为金额"; do
  v=${bad%%|*}; m=${bad#*|}
  post_form /k/notary/new "dept_id=$D_FUYI" case_no=GZ-BAD done_on=2026-03-04 matter=civil "fee_waived=$v"
  expect_status 422 "the form refuses $v"
  expect_contains "$BODY" "$m"
done
expect_eq "$(sql "SELECT count(*) FROM notary WHERE case_no='GZ-BAD'")" 0 "nothing written"
post_form /k/notary/new "dept_id=$D_FUYI" case_no=GZ-1 done_on=2026-03-04 matter=civil
expect_status 422 "a unique field holds within the county"
get /k/notary
expect_contains "$BODY" '1,234.50' "the list shows the amount"
expect_contains "$BODY" '共 2 条'

# 2. The API: a string or a number in 元; the record comes back in 元.
api_login fuyi
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"GZ-3\",\"done_on\":\"2026-04-01\",\"matter\":\"business\",\"waived\":true,\"fee_waived\":\"1234.5\"}"
expect_status 201 "API: 1234.5"
expect_json '.fields.fee_waived == "1234.50"'
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"GZ-4\",\"done_on\":\"2026-04-02\",\"matter\":\"civil\",\"waived\":false,\"fee_waived\":99.99}"
expect_status 201 "API: 99.99 as a number"
expect_json '.fields.fee_waived == "99.99"'
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"GZ-5\",\"done_on\":\"2026-04-02\",\"matter\":\"civil\",\"fee_waived\":1.005}"
expect_status 422 "API: three decimals"
expect_json 'any(.errors[]; .field == "fee_waived" and (.message | contains("最多两位小数")))'

# 3. Import through the template: its headers, rows with amounts, all or nothing.
get /k/notary/template.xlsx
expect_status 200 "the import template"
unzip -p "$BODY" xl/sharedStrings.xml >"$T/tpl.strings" 2>/dev/null || { cp "$BODY" "$T/tpl.xlsx"; unzip -p "$T/tpl.xlsx" xl/sharedStrings.xml >"$T/tpl.strings"; }
expect_contains "$T/tpl.strings" '减免公证费（元）' "the template heads money with 元"
expect_contains "$T/tpl.strings" '公证书编号*'
printf '所属部门,公证书编号,出证日期,公证事项,是否减免,减免公证费（元）,咨询人次\n示范县司法局,GZ-I1,2026-05-01,涉外,是,"2,000.00",4\n示范县司法局,GZ-I2,2026-05-02,民事,否,,1\n' >"$T/ok.csv"
printf '所属部门,公证书编号,出证日期,公证事项,是否减免,减免公证费（元）\n示范县司法局,GZ-J1,2026-05-01,涉外,是,10\n示范县司法局,GZ-J2,2026-05-02,民事,是,1.234\n' >"$T/bad.csv"
post_file /k/notary/import "$T/bad.csv"
expect_status 422 "an import with a bad amount"
expect_contains "$BODY" '第3行「减免公证费」：最多两位小数'
expect_eq "$(sql "SELECT count(*) FROM notary WHERE case_no LIKE 'GZ-J%'")" 0 "…imports nothing"
post_file /k/notary/import "$T/ok.csv"
expect_status 200 "the import"
expect_eq "$(sql "SELECT fee_waived FROM notary WHERE case_no='GZ-I1'")" 200000
expect_eq "$(sql "SELECT count(*) FROM notary")" 6 "six records"

# 4. Export: 元 in the header, 1,234.50 in the cell; it imports again.
login admin
get /k/notary/export.xlsx -G --data-urlencode year=all
expect_status 200 "export"
cp "$BODY" "$T/export.xlsx"
{ unzip -p "$T/export.xlsx" xl/sharedStrings.xml; unzip -p "$T/export.xlsx" xl/worksheets/sheet1.xml; } >"$T/exp.strings" 2>/dev/null
expect_contains "$T/exp.strings" '减免公证费（元）'
expect_contains "$T/exp.strings" '1,234.50'

# 5. The dashboard: counts, the rate and the sum in 元 (waived records only:
# 1,234.50 + 88.00 + 1,234.50 + 2,000.00 = 4,557.00).
get "/?year=2026"
expect_status 200
expect_contains "$BODY" 'data-indicator="notary.waived_sum"'
expect_contains "$BODY" '4,557.00元' "the sum of money in 元"
expect_contains "$BODY" '6件' "the count in its unit word"
expect_contains "$BODY" '10人次' "consults summed in 人次"
api_login admin
api GET "/api/v1/indicators?year=2026"
expect_json '.indicators[] | select(.kind == "notary" and .name == "foreign_rate") | .value == "33.3" and .numerator == 2 and .denominator == 6' "the rate 2/6"
expect_json '.indicators[] | select(.kind == "notary" and .name == "waived_sum") | .text == "4,557.00元"' "the sum in 元 through the API"
# the list behind the sum names its records
get "/k/notary?year=2026&ind=waived_sum&part=num"
expect_contains "$BODY" '共 4 条' "the sum's records"

# 6. The report's sentence, in its section.
get "/report?year=2026"
expect_status 200 "the report"
expect_contains "$BODY" '公证服务便民利民。'
expect_contains "$BODY" '全年办理公证'
expect_contains "$BODY" '4,557.00'

# 7. A change: consults removed, matter renamed, a new required field.
jq '(.fields |= map(select(.id != "consults"))) | (.fields[] | select(.id=="matter")).label = "公证类别"
    | .fields += [{"id":"notary_name","label":"公证员","type":"text","required":true}]
    | .indicators |= map(select(.id != "consult_total"))' "$DEF" >"$T/v2.json"
"$FAZHI" kind --db "$DB" add "$T/v2.json" >"$T/v2.out" 2>&1
expect_eq "$?" 0 "version 2"
expect_contains "$T/v2.out" '已保存第2版'
expect_eq "$(sql "SELECT consults FROM notary WHERE case_no='GZ-1'")" 3 "a removed field's values stay in the table"
get "/k/notary/$ID1"
expect_not_contains "$BODY" '咨询人次' "…and no page shows it"
expect_contains "$BODY" '公证类别' "the new label"
expect_contains "$BODY" '涉外' "the old value under it"
get /k/notary
expect_contains "$BODY" '共 6 条' "old records without the new required field still list"
login fuyi
post_form "/k/notary/$ID1/edit" "dept_id=$D_FUYI" case_no=GZ-1 done_on=2026-03-02 matter=foreign waived=1 "fee_waived=1,234.50"
expect_status 422 "an edit needs the new required field"
post_form "/k/notary/$ID1/edit" "dept_id=$D_FUYI" case_no=GZ-1 done_on=2026-03-02 matter=foreign waived=1 "fee_waived=1,234.50" notary_name=王某
expect_status 303 "the edit with it"
expect_eq "$(sql "SELECT consults FROM notary WHERE case_no='GZ-1'")" 3 "the edit keeps the hidden value"
"$FAZHI" kind --db "$DB" export notary -o "$T/now.json" 2>/dev/null
check "the export is version 2 without the removed field" jq -e '.version == 2 and ([.fields[].id] | index("consults") == null)' "$T/now.json"
"$FAZHI" kind --db "$DB" export notary --version 1 -o "$T/v1.json" 2>/dev/null
check "version 1 stays readable" jq -e '.version == 1 and ([.fields[].id] | index("consults") != null)' "$T/v1.json"

# 8. check passes after all of it.
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check"
finish
