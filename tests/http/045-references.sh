#!/bin/sh
# tests/http/045-references.sh
# References between kinds (办件 → 政务服务事项, 规范性文件 → 合法性审核):
# given by code, title or id, shown by title with a link, exported by code,
# and never left dangling — a record other records point to cannot be
# deleted (the catalog has 取消事项 for that), while an unreferenced one can.
. "$(dirname "$0")/lib.sh"
start_server

login zhengwu
api_login zhengwu
D_ZW=$(sql "SELECT id FROM dept WHERE name='示范县政务服务和大数据管理局'")

api POST /api/v1/k/service_item '{"code":"REF-ITEM-1","name":"引用测试事项","category":"confirm","online":"full","max_visits":0,"promised_days":2}'
expect_status 201 "an item"
ITEM=$(json .id)

# 1. A reference by the item's code, by its name, or by its id.
for how in REF-ITEM-1 引用测试事项 "$ITEM"; do
  api POST /api/v1/k/service_case "{\"case_no\":\"REF-CASE-$how\",\"item_id\":\"$how\",\"applicant\":\"甲\",\"channel\":\"online\",\"received\":\"2026-06-29\",\"limit_days\":2}"
  expect_status 201 "办件 referencing the item by «$how»"
  expect_json ".fields.item_id == $ITEM and .labels.item_id == \"引用测试事项\""
done
CASE=$(sql "SELECT id FROM service_case WHERE case_no='REF-CASE-REF-ITEM-1'")
get "/k/service_case/$CASE"
expect_contains "$BODY" "<tr><th>政务服务事项</th><td><a href=\"/k/service_item/$ITEM\">引用测试事项</a></td></tr>" "detail links the item by name"
get "/k/service_case/$CASE/edit"
expect_contains "$BODY" 'name="item_id" value="引用测试事项"' "edit form shows the item by name"
# Saving that edit form unchanged keeps the reference.
post_form "/k/service_case/$CASE/edit" case_no=REF-CASE-REF-ITEM-1 item_id=引用测试事项 applicant=甲乙 channel=online received=2026-06-29 limit_days=2
expect_status 303 "edit with the item given by name"
expect_eq "$(sql "SELECT item_id FROM service_case WHERE id=$CASE")" "$ITEM" "reference kept"
get "/k/service_case?year=2026" -G --data-urlencode "f_case_no=REF-CASE-"
expect_contains "$BODY" '共 3 条'
expect_contains "$BODY" '<td data-l="政务服务事项">引用测试事项</td>' "the list shows the item's name"
# Export gives the item's code, so the file can be imported again.
get /k/service_case/export.xlsx -G --data-urlencode year=2026 --data-urlencode "f_case_no=REF-CASE-"
cp "$BODY" "$T/cases.xlsx"
unzip -p "$T/cases.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/cases.strings" 2>/dev/null
expect_contains "$T/cases.strings" '>REF-ITEM-1<' "export writes the item code"
# Import by code.
printf '所属部门,办件编号,政务服务事项,申请人,受理渠道,受理日期,承诺时限（工作日）\n示范县政务服务和大数据管理局,REF-CASE-IMP,REF-ITEM-1,丙,线下,2026-06-30,2\n' >"$T/case.csv"
post_file /k/service_case/import "$T/case.csv"
expect_status 200 "import referencing the item by code"
expect_eq "$(sql "SELECT item_id FROM service_case WHERE case_no='REF-CASE-IMP'")" "$ITEM" "imported reference"

# 2. A referenced item can be cancelled (取消事项), and the 办件 keep its name;
# it cannot be deleted while 办件 point to it.
N_CASES=$(sql "SELECT count(*) FROM service_case WHERE item_id=$ITEM")
check "the item has 办件 ($N_CASES)" test "$N_CASES" -ge 4
post_form "/k/service_item/$ITEM/do/cancel"
expect_status 303 "取消事项 on a referenced item"
get "/k/service_case/$CASE"
expect_contains "$BODY" '>引用测试事项</a>' "the 办件 still names its cancelled item"
post_form "/k/service_item/$ITEM/delete"
check "deleting a referenced item is refused (status $STATUS)" test "$STATUS" = 409 -o "$STATUS" = 422
expect_eq "$(sql "SELECT count(*) FROM service_item WHERE id=$ITEM")" 1 "the referenced item still exists"
get "/k/service_case/$CASE"
expect_contains "$BODY" '>引用测试事项</a>' "the 办件 still names its item (not a bare id linking to a missing record)"
# A demo item with many 办件, through the API.
DEMO_ITEM=$(sql "SELECT item_id FROM service_case WHERE dept_id=$D_ZW GROUP BY item_id ORDER BY count(*) DESC LIMIT 1")
api DELETE "/api/v1/k/service_item/$DEMO_ITEM"
check "API delete of a demo item with $(sql "SELECT count(*) FROM service_case WHERE item_id=$DEMO_ITEM") 办件 is refused (status $STATUS)" test "$STATUS" = 409 -o "$STATUS" = 422
expect_eq "$(sql "SELECT count(*) FROM service_item WHERE id=$DEMO_ITEM")" 1 "the demo item still exists"
# An unreferenced item can be deleted.
api POST /api/v1/k/service_item '{"code":"REF-ITEM-2","name":"无人引用的事项","category":"confirm","online":"full","max_visits":0,"promised_days":2}'
FREE=$(json .id)
api DELETE "/api/v1/k/service_item/$FREE"
expect_status 200 "deleting an unreferenced item"

# 3. 规范性文件 → 合法性审核 (fuyi, 司法局).
login fuyi
api_login fuyi
api POST /api/v1/k/legality_review '{"ref_no":"REF-HF-1","title":"示范县行政执法公示办法（送审稿）","doc_type":"normative","received":"2026-06-01","reviewer":"justice"}'
expect_status 201 "a review"
REV=$(json .id)
api POST /api/v1/k/normative_doc '{"doc_no":"示司规〔2026〕REF1号","title":"示范县行政执法公示办法","review_id":"REF-HF-1","published":"2026-06-20"}'
expect_status 201 "a document referencing the review by its number"
DOC=$(json .id)
expect_json ".fields.review_id == $REV and .labels.review_id == \"示范县行政执法公示办法（送审稿）\""
api DELETE "/api/v1/k/legality_review/$REV"
check "deleting a referenced review is refused (status $STATUS)" test "$STATUS" = 409 -o "$STATUS" = 422
expect_eq "$(sql "SELECT count(*) FROM legality_review WHERE id=$REV")" 1 "the referenced review still exists"
# Once the document is deleted, the review can go.
api DELETE "/api/v1/k/normative_doc/$DOC"
expect_status 200 "delete the document"
if [ "$(sql "SELECT count(*) FROM legality_review WHERE id=$REV")" = 1 ]; then
  api DELETE "/api/v1/k/legality_review/$REV"
  expect_status 200 "then the review"
fi

finish
