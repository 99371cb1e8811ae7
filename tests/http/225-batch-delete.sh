#!/bin/sh
# tests/http/225-batch-delete.sh
# Issue 17 §4, 批量删除: the ticked rows are deleted all together or not at
# all. Every row's permission is checked — a clerk deletes no closed case,
# nothing outside the scope (named as missing, never revealed), nothing
# other records refer to — and a refusal names each record in Chinese and
# deletes none; a success deletes them in one transaction with an audit
# entry each (fazhi check passes). Without JavaScript, 删除 and 批量删除
# open a confirmation page; with it, a dialog posts the same form. The JSON
# API takes {"ids":"3,4"}. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login fuyi
login leader
login shichang
login zhengwu
login admin
api_login fuyi

n_recon(){ sql "SELECT count(*) FROM reconsideration"; }
n_del(){ sql "SELECT count(*) FROM audit WHERE action='delete'"; }
O1=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id DESC LIMIT 1")
O2=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id DESC LIMIT 1 OFFSET 1")
O3=$(sql "SELECT id FROM reconsideration WHERE state='accepted' ORDER BY id DESC LIMIT 1")
O4=$(sql "SELECT id FROM reconsideration WHERE state='accepted' ORDER BY id DESC LIMIT 1 OFFSET 1")
C1=$(sql "SELECT id FROM reconsideration WHERE state='closed' ORDER BY id DESC LIMIT 1")
C1NO=$(sql "SELECT case_no FROM reconsideration WHERE id=$C1")
O1NO=$(sql "SELECT case_no FROM reconsideration WHERE id=$O1")
N0=$(n_recon); D0=$(n_del)

# 1. The confirmation page (no JavaScript): the records, and whether each may go.
as fuyi
get "/k/reconsideration/delete?id=$O1&id=$O2"
expect_status 200 "the confirmation page"
expect_contains "$BODY" '是否确认删除以下2条行政复议记录？'
expect_contains "$BODY" "$O1NO"
expect_contains "$BODY" '<input type="hidden" name="id" value="'"$O1"'">' "the ids carried"
expect_contains "$BODY" '>确定删除</button>'
expect_contains "$BODY" 'name="_csrf"' "the form carries the CSRF token"
get "/k/reconsideration/delete?id=$O1&id=$C1"
expect_contains "$BODY" '已办结，只有管理员可以删除' "the closed case marked"
expect_not_contains "$BODY" '>确定删除</button>' "no button while one may not go"
expect_contains "$BODY" '要么全部删除，要么都不删除'
get "/k/reconsideration/delete"
expect_status 404 "nothing ticked"
expect_contains "$BODY" '请先勾选要删除的记录'

# 2. A closed case among the ticked rows: nothing is deleted, and the
#    refusal names it in Chinese.
post_form /k/reconsideration/delete "id=$O1" "id=$O2" "id=$C1"
expect_status 422 "one row the clerk may not delete"
expect_contains "$BODY" "“$C1NO”已办结（已结案），只有管理员可以删除" "the closed case named"
expect_contains "$BODY" '未写入任何数据' "nothing written"
expect_eq "$(n_recon)" "$N0" "no case deleted"
expect_eq "$(n_del)" "$D0" "no delete audited"
# a record outside the scope is named as missing, not revealed
SH=$(sql "SELECT id FROM reconsideration ORDER BY id LIMIT 1")
as shichang
post_form /k/reconsideration/delete "id=$SH"
expect_status 422 "another department's case"
expect_contains "$BODY" "行政复议第${SH}号记录不存在，或不在您的数据权限范围内"
expect_eq "$(n_recon)" "$N0" "nothing deleted by another department"
as fuyi
post_form /k/reconsideration/delete "id=$O1" "id=99999999"
expect_status 422 "a missing id"
expect_contains "$BODY" '行政复议第99999999号记录不存在'
expect_eq "$(n_recon)" "$N0" "the existing one kept too"
# a leader changes nothing
as leader
post_form /k/reconsideration/delete "id=$O1"
expect_status 403 "a leader may not delete"
expect_eq "$(n_recon)" "$N0"
# no CSRF token, no delete
as fuyi
_c=$CSRF; CSRF=; post_form /k/reconsideration/delete "id=$O1"; CSRF=$_c
expect_status 403 "without the CSRF token"
expect_eq "$(n_recon)" "$N0"
# a record others refer to stays, and so do the rest
as zhengwu
IT1=$(sql "SELECT item_id FROM service_case GROUP BY item_id ORDER BY item_id LIMIT 1")
IT2=$(sql "SELECT id FROM service_item WHERE state='active' AND id NOT IN (SELECT item_id FROM service_case) AND id NOT IN (SELECT coalesce(item_id,0) FROM service_case) ORDER BY id DESC LIMIT 1")
NI=$(sql "SELECT count(*) FROM service_item")
post_form /k/service_item/delete "id=$IT1" "id=$IT2"
expect_status 422 "a referenced item among the ticked"
expect_contains "$BODY" '引用，不能删除'
expect_eq "$(sql "SELECT count(*) FROM service_item")" "$NI" "neither item deleted"

# 3. All of them may go: deleted together, each audited, the list says so.
as fuyi
post_form /k/reconsideration/delete "id=$O1" "id=$O2"
expect_status 303 "two open cases deleted"
expect_eq "$(location)" "/k/reconsideration?msg=deleted_n&n=2"
get "$(location)"
expect_contains "$BODY" '删除成功：已删除2条记录'
expect_eq "$(n_recon)" "$((N0-2))" "two rows fewer"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='delete' AND kind='reconsideration' AND rec_id IN ($O1,$O2)")" 2 "an audit entry each"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='delete' AND rec_id=$O1 AND before LIKE '%$O1NO%' AND login='fuyi'")" 1 "the entry holds the record before"
get "/k/reconsideration/$O1"
expect_status 404 "gone"
# the single 删除 of a row is the same form
post_form /k/reconsideration/delete "ids=$O3"
expect_status 303 "one case by the comma list"
expect_eq "$(n_recon)" "$((N0-3))"

# 4. The JSON API: {"ids":"…"}, all or none, errors listed.
api POST /api/v1/k/reconsideration/delete "{\"ids\":\"$O4,$C1\"}"
expect_status 422 "API: a closed case among them"
expect_json '.errors | length == 1' "API: one error"
expect_json ".errors[0].message | contains(\"只有管理员可以删除\")"
expect_eq "$(n_recon)" "$((N0-3))" "API: nothing deleted"
api POST /api/v1/k/reconsideration/delete "{\"ids\":[$O4]}"
expect_status 200 "API: deleted (ids as a JSON array)"
expect_json '.deleted == 1'
expect_eq "$(n_recon)" "$((N0-4))"
# and the admin removes a closed case
as admin
post_form /k/reconsideration/delete "id=$C1"
expect_status 303 "admin: a closed case deleted"
expect_eq "$(n_recon)" "$((N0-5))"

# 5. The list offers it: the rows' form, the button, the dialog (its texts
#    and the CSRF token for JavaScript).
as fuyi
get /k/reconsideration
expect_contains "$BODY" 'form="rows" class="btn danger batch-del" formaction="/k/reconsideration/delete">批量删除</button>'
expect_contains "$BODY" '<dialog id="del-dialog" class="confirm"'
expect_contains "$BODY" 'data-many="是否确认删除选中的{n}条行政复议记录？"'
grep -o '<dialog id="del-dialog".*</dialog>' "$BODY" >"$T/dialog"
expect_contains "$T/dialog" 'name="_csrf"' "the dialog's form carries the CSRF token"
expect_contains "$T/dialog" '<form method="post" action="/k/reconsideration/delete">'

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the deletions"
expect_contains "$T/check.out" '检查通过'
finish
