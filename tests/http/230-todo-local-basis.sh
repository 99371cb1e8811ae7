#!/bin/sh
# tests/http/230-todo-local-basis.sh
# 待办 names the basis a period was counted by: a file of 示范县 whose
# 报送备案期限 a 县级规定 (15日) sets shows that rule as its 法定依据 on
# /todo, as the case page does, not the state default it no longer follows.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin
U=$(sql "SELECT id FROM dept WHERE name='示范县'")

api_as admin
api POST /api/v1/k/normative_doc '{"doc_no":"示政规〔2026〕77号","title":"示范县待办依据测试文件","published":"2026-06-01","filed_to":"city_gov"}'
expect_status 201
DOC=$(json .id)

as admin
post_form /admin/rules period=normative_doc/filing "unit=$U" level=county length=15 punit=days from=2026-01-01 basis=示范省规范性文件备案办法第十二条
expect_status 303 "the rule saved"

get "/k/normative_doc/$DOC"
expect_contains "$BODY" '示范省规范性文件备案办法第十二条' "the case page names the rule"
get "/todo?kind=normative_doc"
expect_status 200
expect_contains "$BODY" "/k/normative_doc/$DOC\"" "the file is overdue under 15日"
tr '\n' ' ' <"$BODY" | sed 's/<tr/\n<tr/g' | grep "/k/normative_doc/$DOC\"" >"$T/row"
expect_contains "$T/row" '示范省规范性文件备案办法第十二条' "待办 names the rule it was counted by"
expect_contains "$T/row" '县级规定' "…and its level"
api GET "/api/v1/todo?kind=normative_doc"
expect_status 200
expect_eq "$(jq -r ".rows[] | select(.id==$DOC) | .basis" "$BODY" | grep -c 示范省规范性文件备案办法第十二条)" 1 "the API too"
finish
