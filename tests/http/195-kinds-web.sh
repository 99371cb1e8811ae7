#!/bin/sh
# tests/http/195-kinds-web.sh
# Issue 15 §2 in the browser: 自定义台账 (/admin/kinds), a county admin
# defining its own kind through the form's posts, as the page sends them.
# - Invalid definitions are refused (422) with Chinese messages beside the
#   part they name (a bad id, a duplicate field id, a sentence naming an
#   unknown figure, an unknown unit, an empty enum) and nothing is stored.
# - A valid one (an enum, a money field, a date, two indicators and a
#   report sentence written with 「指标名称」 markers) is version 1: it is in
#   the menu, its list page and form work, a clerk enters records through
#   /k/ID/new, the dashboard shows its indicators with the figures entered.
# - A change (a field no longer used, a label renamed, an enum value
#   renamed) is version 2: the versions page says what happened to stored
#   data, old records keep their values, the hidden column's data stays;
#   a post made on version 1's page afterwards is a conflict (409).
# - 导出JSON then 导入定义 in a second county of the same database (set up
#   as 130 does): refusals name the part; with a new id it is county B's
#   kind, which county A does not see and vice versa.
# - A city's kind is listed for a county's admin without 修改; its form is
#   only to be read and a save is 403.
# - Clerks and leaders get 403 on every /admin/kinds page; `fazhi check` passes.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
login zhengwu
login leader

# 0. Only admins.
for u in zhengwu leader; do
  as $u
  get /admin/kinds
  expect_status 403 "$u: the list"
  get /admin/kinds/new
  expect_status 403 "$u: the form"
  post_form /admin/kinds/new id=clerkkind label=越权台账 shape=activity nf=1 f1_label=日期 f1_type=date f1_req=1
  expect_status 403 "$u: a post"
done
as admin
get /admin/kinds
expect_status 200 "the admin's list"
expect_contains "$BODY" '<h1>自定义台账</h1>'
expect_contains "$BODY" '评理说事点' "the demo's example kinds are listed (examples/kinds)"
expect_contains "$BODY" 'href="/admin/kinds/new"'
get /
expect_contains "$BODY" '<a href="/admin/kinds" class="">自定义台账</a>' "the 系统管理 menu links it"
get /admin/kinds/new
expect_status 200 "the empty form"
expect_contains "$BODY" 'name="f6_label"' "six empty field rows"
expect_contains "$BODY" '<option value="money">金额（元）</option>'
expect_contains "$BODY" '<option value="rate">比率（%）</option>'
expect_contains "$BODY" '推进行政决策科学化、民主化、法治化' "the report's sections to choose from"

N_DEMO=$(sql "SELECT count(*) FROM kind_def")    # the demo's example kinds (examples/kinds)
n_defs(){ echo $(( $(sql "SELECT count(*) FROM kind_def") - N_DEMO )); }

# The definition as the form posts it: the fields and indicators rows, then
# whatever the caller adds (a later value of the same name wins).
SEC=$(sed -n 's/.*<option value="\([^"]*\)">\1<\/option>.*/\1/p' "$BODY" | grep -m1 '公共法律服务' || true)
[ -n "$SEC" ] || SEC=推进行政决策科学化、民主化、法治化
define(){
  post_form /admin/kinds/new id=notary label=公证 group=公共法律服务 shape=activity about=公证处办理公证的情况 \
    nf=6 \
    f1_id=cert_no f1_label=公证书编号 f1_type=text f1_req=1 f1_list=1 \
    f2_id=cat f2_label=类别 f2_type=enum "f2_enum=issue 办证
咨询
waive 减免" f2_list=1 f2_filter=1 \
    f3_id=fee_cut f3_label=减免金额 f3_type=money f3_list=1 \
    f4_id=done_on f4_label=办理日期 f4_type=date f4_req=1 f4_list=1 f4_filter=1 \
    f5_id=remark f5_label=备注 f5_type=text \
    f6_id= f6_label= f6_type=text \
    ni=3 \
    i1_id=certs i1_label=办证件数 i1_agg=count i1_cond=cat=issue i1_unit=件 \
    i2_id=cut i2_label=减免公证费 i2_agg=sum i2_field=fee_cut i2_unit=元 \
    i3_id= i3_label= i3_agg=count i3_unit=件 \
    "sec=$SEC" intro=公共法律服务体系不断完善。 \
    "s1=全年办理公证「办证件数」件，减免公证费「减免公证费」元。" "$@"
}

# 1. Refusals: each names its part, nothing is stored.
define id=Bad-Id
expect_status 422 "a kind id with capitals"
expect_contains "$BODY" '台账标识“Bad-Id”应以小写字母开头'
expect_contains "$BODY" 'value="Bad-Id"' "the form keeps what was typed"
expect_contains "$BODY" 'value="减免公证费"' "…the indicators too"
define f5_id=cat
expect_status 422 "two fields with one id"
expect_contains "$BODY" '标识重复：与第'
expect_contains "$BODY" '<td data-l="标识" class="has-error"><input name="f5_id" value="cat"' "the error sits on the row's 标识"
define "s1=全年办理公证「受理件数」件。"
expect_status 422 "a sentence naming an unknown figure"
expect_contains "$BODY" '第1句：「受理件数」不是本台账的指标名称（本台账的指标：「办证件数」、「减免公证费」）'
define "s1=全年办理{certs}件。"
expect_status 422 "a sentence with a brace token"
expect_contains "$BODY" '句子中不能有花括号'
define i2_unit=公斤
expect_status 422 "an unknown unit"
expect_contains "$BODY" '未知的计量单位“公斤”'
expect_contains "$BODY" '<td data-l="单位" class="has-error">' "the error sits on the unit cell"
define f2_enum=
expect_status 422 "an enum field without values"
expect_contains "$BODY" '选项字段至少要有一个选项'
define i1_agg=rate "i1_den=count:cat=nope"
expect_status 422 "a rate over a value the enum lacks"
expect_contains "$BODY" '没有选项“nope”'
define f4_req=
expect_status 422 "an activity without a required date"
expect_contains "$BODY" '须有一个必填的日期字段'
define id=Two-Wrongs "s1=全年办理公证「受理件数」件。"
expect_status 422 "the form's own refusal and the definition's, at once"
expect_contains "$BODY" '共2处需要修改，尚未保存'
expect_contains "$BODY" '「受理件数」不是本台账的指标名称'
expect_contains "$BODY" '台账标识“Two-Wrongs”应以小写字母开头'
expect_eq "$(n_defs)" 0 "nothing was stored"
get /k/notary
expect_status 404 "no kind was made"

# "再加5行" posts the form back with five more rows and saves nothing.
define more=f
expect_status 200 "more rows"
expect_contains "$BODY" 'name="f11_label"'
expect_contains "$BODY" 'value="公证书编号"' "…keeping what was typed"
expect_eq "$(n_defs)" 0 "…and saving nothing"

# 2. The definition, version 1.
define
expect_status 303 "a valid definition is saved"
expect_eq "$(location)" /admin/kinds/notary/versions?msg=kind_saved
expect_eq "$(n_defs)" 1 "one stored version"
expect_eq "$(sql "SELECT version FROM kind_def WHERE name='notary'")" 1 "version 1"
DEF=$(sql "SELECT def FROM kind_def WHERE name='notary'")
case $DEF in *'{certs}件'*'{cut}元'*) pass "the markers became the engine's figures" ;; *) fail "sentence stored as: $DEF" ;; esac
case $DEF in *'"id":'*'"v1"'*'"咨询"'*) pass "a value without an id got one" ;; *) fail "enum stored as: $DEF" ;; esac
get /admin/kinds/notary/versions?msg=kind_saved
expect_status 200
expect_contains "$BODY" '已保存为第1版'
expect_contains "$BODY" '新建台账“公证”'
expect_contains "$BODY" '新增字段“减免金额”（金额（元），标识 fee_cut）'
get /admin/kinds
expect_contains "$BODY" '<a href="/k/notary">公证</a>'
expect_contains "$BODY" '<td>第1版</td>'
get /
expect_contains "$BODY" '<a href="/k/notary" class="">公证</a>' "the kind is in the menu"
get /k/notary
expect_status 200 "its list page"
expect_contains "$BODY" '公证书编号'
expect_contains "$BODY" '公证处办理公证的情况'
get /admin/kinds/notary/edit
expect_status 200 "its form holds the definition"
expect_contains "$BODY" "全年办理公证「办证件数」件，减免公证费「减免公证费」元。" "the sentence shows markers, not tokens"
expect_not_contains "$BODY" '{certs}'
expect_contains "$BODY" 'issue 办证'

# 3. A clerk enters records; the dashboard counts them.
as zhengwu
get /k/notary/new
expect_status 200 "the clerk's form"
expect_contains "$BODY" '减免金额'
post_form /k/notary/new cert_no=GZ-2026-1 cat=issue fee_cut=1,234.50 done_on=2026-05-10 remark=第一件
expect_status 303 "a record"
post_form /k/notary/new cert_no=GZ-2026-2 cat=issue fee_cut=100 done_on=2026-06-01 remark=第二件
expect_status 303 "another"
post_form /k/notary/new cert_no=GZ-2026-3 cat=v1 done_on=2026-06-02
expect_status 303 "a 咨询 one"
post_form /k/notary/new cert_no=GZ-2026-4 cat=issue fee_cut=12.345 done_on=2026-06-02
expect_status 422 "a third decimal of 元 is refused"
expect_eq "$(sql "SELECT count(*) FROM notary")" 3 "three records"
expect_eq "$(sql "SELECT fee_cut FROM notary WHERE cert_no='GZ-2026-1'")" 123450 "money kept in 分"
as admin
get "/?year=2026"
expect_contains "$BODY" 'data-indicator="notary.certs"' "the dashboard has the kind's card"
tr -d '\n' <"$BODY" | grep -o 'data-indicator="notary.certs".\{0,400\}' >"$T/card"
expect_contains "$T/card" ">2件</a>" "办证件数 counts the two 办证 records"
tr -d '\n' <"$BODY" | grep -o 'data-indicator="notary.cut".\{0,400\}' >"$T/card2"
expect_contains "$T/card2" '1,334.50' "减免公证费 sums the money"
get "/breakdown?year=2026"
expect_contains "$BODY" 'data-breakdown="notary.certs"' "a kind made on the form is broken down by department"
expect_contains "$BODY" 'data-breakdown="notary.cut"' "…each of its indicators"
get "/report?year=2026"
expect_status 200 "the report"
tr -d '\n' <"$BODY" | sed 's/<[^>]*>//g' >"$T/report.txt"
expect_contains "$T/report.txt" '全年办理公证2件，减免公证费1,334.50元' "the report states the kind's sentence with its figures"

# 4. A change: 备注 no longer used, 类别 renamed, one value renamed: version 2.
get /admin/kinds/notary/edit
VER=$(sed -n 's/.*name="ver" value="\([0-9]*\)".*/\1/p' "$BODY" | head -1)
expect_eq "$VER" 1 "the form is on version 1"
change(){   # change VERSION [more name=value]
  _v=$1; shift
  post_form /admin/kinds/notary/edit "ver=$_v" label=公证 group=公共法律服务 shape=activity about=公证处办理公证的情况 \
    nf=5 \
    f1_id=cert_no f1_old=1 f1_label=公证书编号 f1_type=text f1_req=1 f1_list=1 \
    f2_id=cat f2_old=1 f2_label=业务类别 f2_type=enum "f2_enum=issue 出具公证书
v1 咨询
waive 减免" f2_list=1 f2_filter=1 \
    f3_id=fee_cut f3_old=1 f3_label=减免金额 f3_type=money f3_list=1 \
    f4_id=done_on f4_old=1 f4_label=办理日期 f4_type=date f4_req=1 f4_list=1 f4_filter=1 \
    f5_id=remark f5_old=1 f5_label=备注 f5_type=text f5_drop=1 \
    ni=2 \
    i1_id=certs i1_label=办证件数 i1_agg=count i1_cond=cat=issue i1_unit=件 \
    i2_id=cut i2_label=减免公证费 i2_agg=sum i2_field=fee_cut i2_unit=元 \
    "sec=$SEC" intro=公共法律服务体系不断完善。 \
    "s1=全年办理公证「办证件数」件，减免公证费「减免公证费」元。" "$@"
}
change 1 preview=1
expect_status 200 "预览改动"
expect_contains "$BODY" '保存后将有以下改动（尚未保存）'
expect_contains "$BODY" '字段“备注”（标识 remark）不再显示：已录入的数据保留，不会删除'
expect_eq "$(sql "SELECT max(version) FROM kind_def WHERE name='notary'")" 1 "…saves nothing"
change 1
expect_status 303 "the change is saved"
expect_eq "$(sql "SELECT max(version) FROM kind_def WHERE name='notary'")" 2 "version 2"
get /admin/kinds/notary/versions
expect_contains "$BODY" '第2版（现行）'
expect_contains "$BODY" '字段“备注”（标识 remark）不再显示：已录入的数据保留，不会删除'
expect_contains "$BODY" '字段“类别”改名为“业务类别”：标识 cat 不变，已有记录不受影响'
expect_contains "$BODY" '字段“业务类别”的选项“办证”改名为“出具公证书”'
expect_contains "$BODY" 'href="/admin/kinds/notary/export?version=1"' "each version can be exported"
expect_eq "$(sql "SELECT remark FROM notary WHERE cert_no='GZ-2026-1'")" 第一件 "the hidden field's data is kept"
ID1=$(sql "SELECT id FROM notary WHERE cert_no='GZ-2026-1'")
get /k/notary/$ID1
expect_status 200 "an old record"
expect_contains "$BODY" '业务类别'
expect_contains "$BODY" '出具公证书' "…shown with the renamed value"
expect_contains "$BODY" '1,234.50'
expect_not_contains "$BODY" '第一件' "…without the field no longer used"
get /k/notary/new
expect_not_contains "$BODY" 'name="remark"' "the form no longer asks for it"
change 1
expect_status 409 "a post made on version 1's page after version 2"
expect_contains "$BODY" '刚被其他人修改过'
expect_eq "$(sql "SELECT max(version) FROM kind_def WHERE name='notary'")" 2 "…saved nothing"

# 4b. A 案件 with its own workflow: states, a transition stamping a date, a
# statutory period in working days; a transition naming no state is refused.
flow(){
  post_form /admin/kinds/new id=complaint label=涉企诉求 group=优化营商环境 shape=case \
    nf=3 f1_id=title f1_label=诉求事项 f1_type=text f1_req=1 f1_list=1 \
    f2_id=received f2_label=受理日期 f2_type=date f2_req=1 f2_list=1 \
    f3_id=solved_on f3_label=解决日期 f3_type=date f3_list=1 \
    ni=2 i1_id=total i1_label=受理诉求 i1_agg=count i1_unit=件 \
    i2_id=solved i2_label=诉求解决率 i2_agg=rate i2_cond=solved_on:set i2_den=count \
    nst=3 t1_id=open t1_label=办理中 t2_id=solved t2_label=已解决 t2_final=1 t3_id= t3_label= \
    ntr=1 r1_id=solve r1_label=解决 r1_from=open r1_to=solved r1_stamp=solved_on r1_roles=admin,clerk \
    ndl=1 d1_id=answer d1_label=答复期限 d1_start=received d1_len=15 d1_unit=workdays d1_done=solved_on \
    "d1_basis=《优化营商环境条例》第六十九条" \
    "sec=$SEC" "s1=受理涉企诉求「受理诉求」件，解决率「诉求解决率」。" "$@"
}
flow r1_to=nowhere
expect_status 422 "a transition to a state the kind lacks"
expect_contains "$BODY" '没有状态“nowhere”'
expect_contains "$BODY" '<td data-l="到（状态）" class="has-error">' "the error sits on the transition's 到"
flow d1_len=0
expect_status 422 "a period of 0 days"
expect_contains "$BODY" '<td data-l="期限" class="has-error">'
flow
expect_status 303 "a 案件 with its own workflow"
as zhengwu
post_form /k/complaint/new title=企业用电报装 received=2026-06-01
expect_status 303 "a 案件 is entered"
CID=$(sql "SELECT id FROM complaint WHERE title='企业用电报装'")
expect_eq "$(sql "SELECT state FROM complaint WHERE id=$CID")" open "it starts in the first state"
get /k/complaint/$CID
expect_contains "$BODY" '答复期限'
post_form "/k/complaint/$CID/do/solve"
expect_status 303 "解决"
expect_eq "$(sql "SELECT state||' '||solved_on FROM complaint WHERE id=$CID")" "solved 2026-06-30" "the transition moved it and stamped the day"
as admin
get /admin/kinds/complaint/edit
expect_contains "$BODY" 'name="r1_stamp" aria-label="流转时把今天登记在"><option value="">—</option><option value="received">受理日期</option><option value="solved_on" selected>' "the form reads the workflow back"
expect_contains "$BODY" 'value="《优化营商环境条例》第六十九条"'

# 5. Export, and import into a second county of the same database.
get /admin/kinds/notary/export
expect_status 200 "export"
expect_header '^Content-Disposition: attachment; filename="notary-v2.json"'
expect_json '.id == "notary" and (.fields | map(.id) | index("cat")) != null' "the file is the definition"
cp "$BODY" "$T/notary.json"
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "a second county"
first_login yadmin "$(sed -n 's/^一次性密码：//p' "$T/init.out")" Yadmin-Pass-2026x
get /admin/kinds
expect_status 200
grep -o '[^>]*notary[^<]*' "$BODY" | head -3 >"$T/seen"
expect_not_contains "$BODY" 'href="/k/notary"' "county B does not see county A's kind (list or menu)"
get /k/notary
expect_status 404 "…nor its records"
get "/?year=2026"
expect_not_contains "$BODY" 'notary' "…nor its figures on the dashboard"
upload(){   # upload FILE [new id]
  req POST /admin/kinds/import -F "_csrf=$CSRF" -F "new_id=${2:-}" -F "file=@$1;filename=$(basename "$1")"
}
printf 'not json' >"$T/bad.json"
upload "$T/bad.json"
expect_status 422 "a file that is not JSON"
expect_contains "$BODY" '文件不是有效的台账定义（JSON 格式有误，在第1行附近）'
sed 's/"type": *"money"/"type":"currency"/' "$T/notary.json" >"$T/badtype.json"
upload "$T/badtype.json" notary_y
expect_status 422 "a definition with an unknown type"
expect_contains "$BODY" '字段“减免金额”（fee_cut）：未知的类型“currency”'
upload "$T/notary.json"
expect_status 422 "county A's id is not county B's to change"
expect_contains "$BODY" '台账标识“notary”已被其他单位使用'
expect_contains "$BODY" '<details class="panel kf-import" open>' "the import panel stays open with the reason"
expect_eq "$(sql "SELECT max(version) FROM kind_def WHERE name='notary'")" 2 "…and county A's kind is unchanged"
upload "$T/notary.json" notary_y
expect_status 303 "imported under a new id"
expect_eq "$(location)" '/admin/kinds?msg=kind_imported'
get /admin/kinds
expect_contains "$BODY" '<a href="/k/notary_y">公证</a>'
expect_contains "$BODY" '<td>乙县</td>' "its owner is county B"
get /k/notary_y
expect_status 200 "county B's kind"
expect_contains "$BODY" '业务类别'
as admin
get /k/notary_y
expect_status 404 "county A does not see county B's kind"
get /admin/kinds/notary_y/edit
expect_status 404 "…nor its form"

# 5b. A city over both counties defines a kind for all of them (fazhi kind
# add --unit): county A's admin sees it in the list, without 修改; its
# form says it is only to be read, and a save is refused (403).
"$FAZHI" city --db "$DB" 示范市 示范县 乙县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "fazhi city"
cat >"$T/city.json" <<'JSON'
{"id":"dispute_scan","label":"矛盾纠纷排查","shape":"activity","fields":[
 {"id":"held","label":"排查日期","type":"date","required":true,"list":true},
 {"id":"found","label":"发现纠纷件数","type":"int","min":0,"max":100000,"list":true}],
 "indicators":[{"id":"rounds","label":"排查次数","unit":"count","unit_word":"次","numerator":{"agg":"count"}}]}
JSON
"$FAZHI" kind --db "$DB" add "$T/city.json" --unit 示范市 >"$T/cityadd.out" 2>&1
expect_eq "$?" 0 "the city's kind"
as admin
get /admin/kinds
expect_contains "$BODY" '<a href="/k/dispute_scan">矛盾纠纷排查</a>' "county A's admin lists the city's kind"
expect_contains "$BODY" '<td>示范市</td>'
expect_not_contains "$BODY" 'href="/admin/kinds/dispute_scan/edit"' "…without 修改"
get /admin/kinds/dispute_scan/edit
expect_status 200
expect_contains "$BODY" '这个台账由上级单位定义，本页只供查看'
VER=$(sed -n 's/.*name="ver" value="\([0-9]*\)".*/\1/p' "$BODY" | head -1)
post_form /admin/kinds/dispute_scan/edit "ver=$VER" label=矛盾纠纷排查 shape=activity nf=2 \
  f1_id=held f1_old=1 f1_label=排查日期 f1_type=date f1_req=1 f1_list=1 \
  f2_id=found f2_old=1 f2_label=发现纠纷 f2_type=int f2_list=1 \
  ni=1 i1_id=rounds i1_label=排查次数 i1_agg=count i1_unit=次
expect_status 403 "a county may not change the city's kind"
expect_contains "$BODY" '这个台账由上级单位定义，只有定义它的单位的管理员可以修改'
expect_eq "$(sql "SELECT max(version) FROM kind_def WHERE name='dispute_scan'")" 1 "…which stays at version 1"

# 6. The data are sound.
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes"
grep -q 'kind_def' "$T/check.out" && note "$(grep kind_def "$T/check.out" | head -3)"
finish
