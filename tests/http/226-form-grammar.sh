#!/bin/sh
# tests/http/226-form-grammar.sh
# Issue 17 §4, forms the RuoYi way: dates by a date picker (the server
# still refuses a bad date), the case number proposed from the kind's
# pattern (示复〔2026〕N号: the county's short name, the year, the next N
# after the highest the records hold; editable; a number taken refused in
# Chinese beside the field), a department chosen from the county's tree
# (被评查单位, FT_DEPT: nothing typed), and a party chosen from the
# departments or — where the law allows another (被申请人) — typed under
# 其他. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login fuyi
login admin

n_recon(){ sql "SELECT count(*) FROM reconsideration"; }
max_no(){
  sql "SELECT case_no FROM reconsideration WHERE case_no LIKE '$1〔2026〕%号'" |
    sed -n "s/^$1〔2026〕\([0-9][0-9]*\)号\$/\1/p" | sort -n | tail -1
}
new_case(){   # new_case CASE_NO [more fields…]: a 复议 case by the form
  _no=$1; shift
  post_form /k/reconsideration/new "case_no=$_no" applicant=王某 respondent=示范县公安局 matter=penalty \
    received=2026-06-29 procedure=ordinary "$@"
}

# 1. The proposal: the next number of the year's series, editable.
as fuyi
M=$(max_no 示复)
get /k/reconsideration/new
expect_status 200 "the new form"
expect_contains "$BODY" "<input id=\"f-case_no\" name=\"case_no\" value=\"示复〔2026〕$((M+1))号\"" "proposed 示复〔2026〕$((M+1))号"
expect_contains "$BODY" "按编号规则“示复〔2026〕N号”建议为示复〔2026〕$((M+1))号（本年度已编至${M}号），可以修改"
N0=$(n_recon)
new_case "示复〔2026〕$((M+1))号"
expect_status 303 "the proposed number saved"
get /k/reconsideration/new
expect_contains "$BODY" "value=\"示复〔2026〕$((M+2))号\"" "the next proposal counts it"
# a number of the clerk's own, outside the series, is kept and not counted
new_case "示复〔2026〕补1号"
expect_status 303 "an edited number saved"
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE case_no='示复〔2026〕补1号'")" 1
get /k/reconsideration/new
expect_contains "$BODY" "value=\"示复〔2026〕$((M+2))号\"" "补1号 is not of the series"
# the edit form proposes nothing
ID=$(sql "SELECT id FROM reconsideration WHERE case_no='示复〔2026〕补1号'")
get "/k/reconsideration/$ID/edit"
expect_contains "$BODY" 'value="示复〔2026〕补1号"' "the edit form keeps the number"
expect_not_contains "$BODY" '按编号规则' "no proposal on the edit form"

# 2. A number taken is refused beside 案号, and nothing is written.
N1=$(n_recon)
new_case "示复〔2026〕$((M+1))号"
expect_status 422 "a duplicate number"
expect_contains "$BODY" "“示复〔2026〕$((M+1))号”已存在，不能重复" "refused in Chinese"
grep -o '<div class="field has-error"><label for="f-[a-z_]*"' "$BODY" >"$T/errs"
expect_contains "$T/errs" 'for="f-case_no"' "beside 案号"
expect_eq "$(n_recon)" "$N1" "nothing written"
api_login fuyi
api POST /api/v1/k/reconsideration "{\"case_no\":\"示复〔2026〕$((M+1))号\",\"applicant\":\"王某\",\"respondent\":\"示范县公安局\",\"matter\":\"penalty\",\"received\":\"2026-06-29\",\"procedure\":\"ordinary\"}"
expect_status 422 "API: a duplicate number"
expect_json '.errors[0].field == "case_no"'

# 3. The county's short name is a setting (参数设置); without it, the first
#    character of the county's name.
as admin
post_form /admin/settings name=county_short value=范
expect_status 303 "county_short set"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE after LIKE '%county_short%'")" 1 "audited"
as fuyi
get /k/reconsideration/new
expect_contains "$BODY" 'value="范复〔2026〕1号"' "范: the series starts at 1"
expect_contains "$BODY" '（本年度第一件）'

# 4. Dates: a date picker; the server still reads and refuses.
expect_contains "$BODY" '<input type="date" id="f-received" name="received"' "收到申请日期 by a date picker"
expect_not_contains "$BODY" 'id="f-accepted"' "受理日期 belongs to the 受理 step, not the new form"
N2=$(n_recon)
new_case "示复〔2026〕日1号" received=2025-02-30
expect_status 422 "a date that does not exist"
expect_contains "$BODY" '日期格式应为YYYY-MM-DD' "refused in Chinese"
expect_eq "$(n_recon)" "$N2"

# 5. A party: the departments by name, or 其他 typed where the law allows.
grep -o '<select id="f-respondent".*</select>' "$BODY" | sed 's/<\/select>.*//' >"$T/resp"
expect_contains "$T/resp" 'class="party"' "被申请人 is a choice"
check "a bureau by name, indented (chosen, as sent back)" grep -q '<option value="示范县公安局" selected>　示范县公安局</option>' "$T/resp"
expect_contains "$T/resp" '<option value="城关镇">　城关镇</option>' "a town of the county (outside the clerk's scope)"
expect_contains "$T/resp" '<option value="@other">其他（填写名称）</option>'
expect_contains "$BODY" '<input id="f-respondent-other" name="respondent_other" class="party-other"'
expect_contains "$BODY" '被申请人也可以是法律、法规、规章授权的组织' "the law that allows another, beside it"
new_case "示复〔2026〕党1号" respondent=@other "respondent_other=示范县某某授权组织"
expect_status 303 "a party typed under 其他"
P=$(sql "SELECT id FROM reconsideration WHERE case_no='示复〔2026〕党1号'")
expect_eq "$(sql "SELECT respondent FROM reconsideration WHERE id=$P")" '示范县某某授权组织' "stored as typed"
get "/k/reconsideration/$P/edit"
expect_contains "$BODY" '<option value="@other" selected>其他（填写名称）</option>' "its edit form: 其他 chosen"
expect_contains "$BODY" 'name="respondent_other" class="party-other" value="示范县某某授权组织"' "and the name in its box"
post_form "/k/reconsideration/$P/edit" "case_no=示复〔2026〕党1号" applicant=王某 respondent=示范县教育局 respondent_other= \
  matter=penalty received=2026-06-29 procedure=ordinary
expect_status 303 "a department chosen instead"
expect_eq "$(sql "SELECT respondent FROM reconsideration WHERE id=$P")" '示范县教育局'
get "/k/reconsideration/$P/edit"
expect_contains "$BODY" '<option value="示范县教育局" selected>' "the department chosen in the list"
new_case "示复〔2026〕党2号" respondent=@other respondent_other=
expect_status 422 "其他 with no name"
grep -o '<div class="field has-error"><label for="f-[a-z_]*"' "$BODY" >"$T/errs"
expect_contains "$T/errs" 'for="f-respondent"' "required, beside 被申请人"

# 6. A department alone (被评查单位, FT_DEPT): chosen from the county's tree.
get /k/file_review/new
expect_status 200
grep -o '<select id="f-unit".*' "$BODY" | sed 's/<\/select>.*//' >"$T/unit"
CG=$(sql "SELECT id FROM dept WHERE name='城关镇'")
VIL=$(sql "SELECT id FROM dept WHERE parent_id=$CG ORDER BY id LIMIT 1")
expect_contains "$T/unit" "<option value=\"$CG\">　城关镇</option>" "a town, by id"
expect_contains "$T/unit" "<option value=\"$VIL\">　　" "its village indented below it"
expect_not_contains "$T/unit" '@other' "no 其他: a department only"
NF=$(sql "SELECT count(*) FROM file_review")
post_form /k/file_review/new review_no=PC-226-1 case_no=示罚〔2026〕9号 "unit=$CG" category=penalty reviewed=2026-06-20
expect_status 303 "a review of 城关镇"
expect_eq "$(sql "SELECT unit FROM file_review WHERE review_no='PC-226-1'")" "$CG" "kept as the department's id"
post_form /k/file_review/new review_no=PC-226-2 case_no=示罚〔2026〕10号 "unit=某某公司" category=penalty reviewed=2026-06-20
expect_status 422 "not a department"
expect_contains "$BODY" '没有部门“某某公司”'
expect_eq "$(sql "SELECT count(*) FROM file_review")" "$((NF+1))"

# 7. A county's own 台账 declares the same (numbering, other_party) and
#    gets the same form and list.
as admin
api_login admin
DEF='{"id":"notary226","label":"公证","shape":"activity","fields":[
 {"id":"cert_no","label":"公证书编号","type":"text","required":true,"unique":true,"list":true,"title":true,"numbering":"{short}证〔{year}〕{n}号"},
 {"id":"party","label":"申请单位","type":"text","required":true,"list":true,"other_party":"《公证法》：申请人可以是自然人、法人或者其他组织"},
 {"id":"unit","label":"承办单位","type":"dept","list":true},
 {"id":"held","label":"公证日期","type":"date","required":true,"list":true,"year_field":true}]}'
api POST /api/v1/kinds "$DEF"
expect_status 201 "a custom kind with a numbering and a party"
api GET /api/v1/kinds/notary226
expect_json '.fields[] | select(.id=="cert_no") | .numbering == "{short}证〔{year}〕{n}号"' "the definition keeps its numbering"
get /k/notary226/new
expect_status 200
expect_contains "$BODY" 'value="范证〔2026〕1号"' "its number proposed"
expect_contains "$BODY" '<select id="f-party" name="party" class="party"' "its party chosen"
expect_contains "$BODY" '<input type="date" id="f-held"' "its date picked"
post_form /k/notary226/new "cert_no=范证〔2026〕1号" party=@other "party_other=某某公司" "unit=$CG" held=2026-06-10
expect_status 303 "a record of it"
get /k/notary226/new
expect_contains "$BODY" 'value="范证〔2026〕2号"' "the next proposal"
get /k/notary226
expect_contains "$BODY" '<th class="nw ops">操作</th>' "its list has the 操作 column"
expect_contains "$BODY" '批量删除'
BAD='{"id":"bad226","label":"坏","shape":"activity","fields":[
 {"id":"no","label":"编号","type":"text","list":true,"title":true,"numbering":"{short}〔{year}〕号"},
 {"id":"who","label":"单位","type":"dept","other_party":"随便"},
 {"id":"held","label":"日期","type":"date","required":true,"year_field":true}]}'
api POST /api/v1/kinds "$BAD"
expect_status 422 "a numbering without {n} on a field that may repeat"
expect_contains "$BODY" '编号规则只用于不重复（unique）的文本字段，且须含 {n}'
expect_contains "$BODY" '只能是部门的，用 dept 类型'
finish
