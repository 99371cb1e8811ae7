#!/bin/sh
# tests/http/090-html-valid.sh
# Every kind of page the web UI renders goes through `tidy -eq -utf8`
# (Debian tidy, as cgit's t0010-validate-html.sh): errors fail the test,
# warnings are printed but allowed.
. "$(dirname "$0")/lib.sh"
if ! command -v tidy >/dev/null 2>&1; then
  fail "tidy is not installed (apt-get install -y tidy)"
  finish
fi
start_server

# validate NAME: tidy over the last body.
validate(){
  tidy -eq -utf8 "$BODY" >/dev/null 2>"$T/tidy.out"
  rc=$?
  if [ $rc -ge 2 ]; then
    fail "tidy errors in $1 ($LAST_REQ)"
    grep -v '^$' "$T/tidy.out" | head -20 | sed 's/^/     | /'
  else
    pass "tidy $1"
    if [ $rc -eq 1 ]; then
      echo "     tidy warnings in $1 ($LAST_REQ): $(grep -c 'Warning:' "$T/tidy.out")"
      grep 'Warning:' "$T/tidy.out" | sed 's/^line [0-9]* column [0-9]* - //' | sort | uniq -c | head -5 | sed 's/^/     | /'
    fi
  fi
}
# page STATUS PATH NAME: GET, expect the status, validate.
page(){
  get "$2"
  expect_status "$1" "$3"
  validate "$3"
}

KINDS="service_item service_case legality_review normative_doc reconsideration"

# Anonymous pages
anon
page 200 /login "login page"
page 200 /k/service_item "public catalog list"
page 200 "/k/service_item/$(sql 'SELECT min(id) FROM service_item')" "public catalog detail"
page 200 "/k/normative_doc?year=all" "public 规范性文件 list"
page 404 /k/nosuchkind "404 page"
page 404 "/public/report?year=2025" "a report not yet published"
login_attempt admin wrong
expect_status 401 "wrong password"
validate "login page with an error"

# As the leader, who sees every record of the county
login leader
page 200 / "dashboard"
page 200 "/?year=2025" "dashboard 2025"
page 200 /todo "待办"
page 200 "/todo?state=overdue&month=2026-06&kind=rectification" "待办 filtered"
page 200 "/k/reconsideration?year=2026&overdue=1&soon=1&f_received_from=2026-03-01" "a list with 已逾期/即将到期 and a date range"
page 200 "/breakdown?year=2025" "分部门（单位）情况"
page 200 "/trend?kind=inspection&ind=inspections&year=2026" "近年变化"
for k in $KINDS; do
  page 200 "/k/$k?year=all" "$k list"
  ID=$(sql "SELECT min(id) FROM $k")
  page 200 "/k/$k/$ID" "$k detail"
done
# the pages of the mechanisms' own behaviour: a drawn plan, an enterprise's code and scan page
page 200 "/draw/$(sql "SELECT min(plan_id) FROM draw WHERE result IS NOT NULL")" "draw page"
page 200 "/qr/$(sql 'SELECT min(id) FROM enterprise')" "printable QR code"
page 200 "/scan/$(sql "SELECT credit_code FROM enterprise WHERE state='active' ORDER BY id LIMIT 1")" "scan page"
page 200 "/k/reconsideration?year=2025&ind=ontime_rate&part=den" "indicator trace list"
page 200 "/k/service_case?due=1" "due-soon list"
page 200 "/k/reconsideration?year=all&sort=received&desc=1&page=3&size=10" "sorted, paged list"
page 200 "/k/mediation?sort=due" "a list sorted by 期限"
page 200 /report "annual report"
page 200 "/report?year=2025" "annual report 2025"
page 403 /k/reconsideration/new "403 page"

# As the admin and the clerks: forms, import, audit
login admin
page 200 /audit "audit log"
page 200 "/counties?year=2025" "各县（区）指标 with one county"
page 200 "/report/drafts?year=2025" "report versions, none yet"
post_form /report/drafts year=2025
expect_status 303 "a version drafted"
V=$(sql "SELECT max(id) FROM report_version")
page 200 "/report/v/$V" "report editor"
page 200 "/report/drafts?year=2025" "report versions"
page 200 "/report/compare?a=$V&b=data" "report versions side by side"
post_form "/report/v/$V/freeze"
expect_status 422 "a freeze refused"
validate "report editor with errors"
sql "UPDATE report_para SET pstate='' WHERE version_id=$V"
sql "UPDATE report_para SET tpl='已填写。' WHERE version_id=$V AND tpl LIKE '{?%'"
post_form "/report/v/$V/freeze"
expect_status 303 "frozen"
page 200 "/report/v/$V" "a frozen version"
anon
page 200 "/public/report?year=2025" "the published report"
login admin
page 200 /account "account page"
page 200 "/audit?page=2" "audit log page 2"
page 200 "/audit/1" "an audit entry in full"
page 422 "/audit?from=2026-02-30&kind=nope" "audit log with a bad date and kind"
page 200 /admin/users "用户管理"
page 200 /admin/users/new "用户管理: new account form"
page 200 "/admin/users/$(sql "SELECT id FROM users WHERE login='fuyi'")/edit" "用户管理: edit form"
post_form /admin/users/new login=v090 name= role= dept=
expect_status 422 "用户管理: a refused new account"
validate "用户管理: the form with errors"
post_form /admin/users/new login=v090 name=校验 role=clerk dept="$(sql "SELECT dept_id FROM users WHERE login='fuyi'")"
expect_status 200 "用户管理: a new account"
validate "用户管理: the one-time password page"
page 200 "/admin/logins" "login log"
page 422 "/admin/logins?from=2026-02-30&result=bad" "login log with a bad date"
page 200 "/admin/sessions" "sessions online"
page 200 /admin/settings "参数设置"
post_form /admin/settings name=report_to value=
expect_status 422 "a setting refused"
validate "参数设置 with an error"
page 200 "/admin/holidays?year=2026" "节假日"
post_form /admin/holidays from=2026-06-29 kind=work name=x
expect_status 422 "a holiday refused"
validate "节假日 with errors"
post_form /admin/holidays from=2027-01-01 kind=off name=2027年元旦
expect_status 303 "a day of 2027"
page 200 "/admin/holidays?year=2027" "节假日: a year not whole, with the 年度安排已完整登记 form"
post_form /admin/holidays/complete year=2027 notice=
expect_status 422 "a mark refused"
validate "节假日: the mark with errors"
post_form /admin/holidays/complete year=2027 notice=国务院办公厅关于2027年部分节假日安排的通知
expect_status 303 "2027 marked whole"
page 200 "/admin/holidays?year=2027" "节假日: a year marked whole, with its undo"
page 200 /admin/rules "期限规则"
post_form /admin/rules period=reconsideration/decision length=x punit=days from= basis=
expect_status 422 "a local rule refused"
validate "期限规则 with errors"
post_form /admin/rules period=normative_doc/filing length=15 punit=days from=2026-01-01 basis=某省行政规范性文件管理办法第二十条
expect_status 303 "a local rule saved"
page 200 /admin/rules "期限规则 with a rule and its end form"
page 200 "/k/normative_doc/$(sql "SELECT min(id) FROM normative_doc WHERE published>='2026-01-01'")" "a case governed by a local rule"
page 200 /admin/depts "部门管理"
page 200 "/admin/depts?edit=$(sql "SELECT min(id) FROM dept WHERE dtype='town'")" "部门管理: one department's panel"
page 200 "/admin/depts/$(sql "SELECT min(id) FROM dept WHERE dtype='village'")/move?parent=$(sql "SELECT min(id) FROM dept WHERE dtype='bureau'")" "部门管理: a move's confirmation"
post_form /admin/depts name= parent= dtype=bureau
expect_status 422 "部门管理: an empty add"
validate "部门管理 with errors"
page 200 /admin/kinds "自定义台账"
page 200 /admin/kinds/new "自定义台账: the define form"
post_form /admin/kinds/new id=v090 label=校验 shape=activity nf=2 f1_id=day f1_label=日期 f1_type=date f1_req=1 \
  f2_label=类别 f2_type=enum f2_enum= ni=1 i1_label=件数 i1_agg=count i1_unit=公斤 "s1=共「件数」件，「没有」"
expect_status 422 "自定义台账: a refused definition"
validate "自定义台账 with errors beside the parts"
post_form /admin/kinds/new id=v090 label=校验 shape=activity nf=2 f1_id=day f1_label=日期 f1_type=date f1_req=1 \
  f2_label=类别 f2_type=enum "f2_enum=甲" ni=1 i1_label=件数 i1_agg=count i1_unit=件 "s1=共「件数」件。" \
  sec=推进行政决策科学化、民主化、法治化
expect_status 303 "自定义台账: a definition"
page 200 /admin/kinds/v090/edit "自定义台账: the edit form"
page 200 /admin/kinds/v090/versions "自定义台账: 历史版本"
page 200 /k/v090/new "a custom kind's new form"
page 200 /admin/kinds/law_publicity/extend "内置台账的扩展: the form"
post_form /admin/kinds/law_publicity/extend ver=0 nf=1 f1_id=audience f1_label=观众 f1_type=int ne=1 e1_field=venue e1_label=进学校 \
  ni=6 i6_label=占比 i6_agg=rate i6_dec=9 "s1=共「没有」场"
expect_status 422 "内置台账的扩展: a refused extension"
validate "内置台账的扩展 with errors beside the parts"
post_form /admin/kinds/law_publicity/extend ver=0 nf=1 f1_id=partner f1_label=协办单位 f1_type=text ne=1 e1_field=venue e1_label=进广场
expect_status 303 "内置台账的扩展: saved"
page 200 /admin/kinds/law_publicity/extend "内置台账的扩展: version 1 with its history"
login fuyi
for k in legality_review normative_doc reconsideration; do
  page 200 "/k/$k/new" "$k new form"
  page 200 "/k/$k/import" "$k import page"
done
login zhengwu
for k in service_item service_case; do
  page 200 "/k/$k/new" "$k new form"
done
as fuyi
RID=$(sql "SELECT id FROM reconsideration WHERE state='accepted' ORDER BY id LIMIT 1")
page 200 "/k/reconsideration/$RID/edit" "edit form"
page 200 "/k/reconsideration/delete?id=$(sql "SELECT min(id) FROM reconsideration")&id=$(sql "SELECT max(id) FROM reconsideration")" "删除确认"
page 200 "/k/reconsideration/$RID?msg=updated" "detail with a notice"
post_form /k/reconsideration/new case_no= applicant=张某 respondent=示范县公安局 matter=行政诉讼 received=2025-13-01 procedure=ordinary
expect_status 422 "form with errors"
validate "form with errors"
page 200 "/k/reconsideration/$RID/do/close" "a workflow step's form (结案)"
post_form "/k/reconsideration/$RID/do/close"
expect_status 422 "close without 结案方式"
validate "a step's form with its errors"
printf '所属部门,案号,申请人\n示范县火星局,X-1,甲\n' >"$T/bad.csv"
post_file /k/reconsideration/import "$T/bad.csv"
expect_status 422 "import with errors"
validate "import page with errors"
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,示复〔2026〕HTML-1号,甲,乙,其他,2026-06-01,普通程序\n' >"$T/ok.csv"
post_file /k/reconsideration/import "$T/ok.csv"
expect_status 200 "import done"
validate "import result page"

finish
