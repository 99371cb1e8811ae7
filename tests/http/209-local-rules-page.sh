#!/bin/sh
# tests/http/209-local-rules-page.sh
# The 期限规则 page (系统管理, /admin/rules; issue 16 §5) and two servers.
# - The page lists every declared period with its state default and
#   basis, says which may be set locally and which the law fixes; only
#   admins reach it (a clerk: 403).
# - 示范县's admin adds 报送备案期限 15日 from 2026-01-01 through the form:
#   a file published Mon 2026-03-02 shows 届满日 2026-03-17 and its source
#   on the case page; a period the law fixes is refused in Chinese and the
#   form comes back with what was typed; nothing is written.
# - A second server on the same database sees the rule at its next request
#   (and a rule ended on server 2 is seen by server 1).
# - Another county's admin does not see 示范县's rule (not revealed).
# - Ending the rule through the page: later cases count 30日 again,
#   the March file keeps its 15日.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
start_second_server
login admin
api_login admin
U=$(sql "SELECT id FROM dept WHERE name='示范县'")

on_server 1
get /admin/rules
expect_status 200 "the page"
expect_contains "$BODY" '<a href="/admin/rules" class="on">期限规则</a>' "in the 系统管理 menu"
expect_contains "$BODY" '报送备案期限'
expect_contains "$BODY" '法定，不可由地方规定' "a period the law fixes says so"
expect_contains "$BODY" '可由地方规定；未设定，按默认期限' "an overridable one without a rule"
expect_contains "$BODY" '《行政复议法》第六十二条' "the state's basis shown"
expect_contains "$BODY" '<option value="normative_doc/filing">' "the form offers the overridable periods"
expect_not_contains "$BODY" '<option value="reconsideration/decision">' "…only those"
login fuyi
get /admin/rules
expect_status 403 "a clerk may not"

api_as admin
api POST /api/v1/k/normative_doc '{"doc_no":"示政规〔2026〕88号","title":"示范县测试文件","published":"2026-03-02","filed_date":"2026-03-20","filed_to":"city_gov"}'
expect_status 201
DOC=$(json .id)

as admin
post_form /admin/rules period=reconsideration/decision "unit=$U" level=county length=30 punit=days from=2026-01-01 basis=某省复议规定
expect_status 422 "refused on the page"
expect_contains "$BODY" '由法律、行政法规统一规定' "…in Chinese"
expect_contains "$BODY" 'value="某省复议规定"' "…with what was typed"
expect_eq "$(sql "SELECT COUNT(*) FROM period_rule")" 0 "nothing written"
post_form /admin/rules period=normative_doc/filing "unit=$U" level=county length=15 punit=days from=2026-01-01 basis=示范省规范性文件备案办法第十二条
expect_status 303 "the rule saved"
expect_eq "$(location)" "/admin/rules?msg=rule"
get "/admin/rules?msg=rule"
expect_contains "$BODY" '已保存：自施行日期起开始计算的案件按新规定计算期限'
expect_contains "$BODY" '<b>示范县 县级规定</b>：15日（示范省规范性文件备案办法第十二条）' "listed with its source"
RID=$(sql "SELECT id FROM period_rule")

# the other server, at its next request
on_server 2
get "/k/normative_doc/$DOC"
expect_status 200
expect_contains "$BODY" '<td>报送备案期限</td><td>2026-03-17' "server 2: due 03-17"
expect_contains "$BODY" '逾期完成（按15日计算）' "…late under 15日"
expect_contains "$BODY" '依据：示范省规范性文件备案办法第十二条（县级规定，2026-01-01起施行）' "…its source on the case"

# another county does not see it
"$FAZHI" init --db "$DB" --county 丁县 --admin ading >"$T/init.out" 2>&1
first_login ading "$(sed -n 's/^一次性密码：//p' "$T/init.out")" Local-Rule-2026x
get /admin/rules
expect_status 200
expect_not_contains "$BODY" '示范省规范性文件备案办法第十二条' "丁县 does not see 示范县's rule"
expect_not_contains "$BODY" '<option value="'"$U"'"' "…nor may choose 示范县"
post_form /admin/rules/end "id=$RID" to=2026-05-31
expect_status 404 "…nor end it"

# ending it on server 2; server 1 counts 30日 for later files
as admin
post_form /admin/rules/end "id=$RID" to=2026-05-31
expect_status 303 "ended through the page"
post_form /admin/rules/end "id=$RID" to=2026-05-30
expect_status 422 "ended once"
expect_contains "$BODY" '该规定已于2026-05-31停止施行'
on_server 1
get /admin/rules
expect_contains "$BODY" '2026-01-01起施行，2026-05-31止' "server 1 lists it ended"
api POST /api/v1/k/normative_doc '{"doc_no":"示政规〔2026〕89号","title":"示范县六月文件","published":"2026-06-02","filed_date":"2026-06-20","filed_to":"city_gov"}'
api GET "/api/v1/k/normative_doc/$(json .id)"
expect_json '.deadlines[] | select(.name=="filing") | .due=="2026-07-02" and .source.level=="state"' "a June file: 30日 again (默认规定)"
get "/k/normative_doc/$DOC"
expect_contains "$BODY" '<td>报送备案期限</td><td>2026-03-17' "the March file keeps 15日"
expect_contains "$BODY" '（县级规定，2026-01-01起施行，2026-05-31止）'
get "/audit?action=period_rule_end"
expect_status 200
expect_contains "$BODY" '期限规则（地方规定）' "the audit log names the changes"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "check passes"
finish
