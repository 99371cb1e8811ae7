#!/bin/sh
# tests/http/095-check-audit.sh
# After a session of web and API changes (create, edit, transitions,
# delete, import), `fazhi check` finds the audit hash chain intact and every
# record equal to its last logged state. Tampering with the database behind
# the system's back — editing a log entry, deleting one, changing, adding or
# removing a record directly — is reported, with exit status 1.
. "$(dirname "$0")/lib.sh"
start_server

# Changes through every write path.
login fuyi
api_login fuyi
post_form /k/reconsideration/new case_no=示复〔2026〕审计-1号 applicant=审某 respondent=示范县公安局 \
  matter=penalty received=2026-06-22 procedure=ordinary
expect_status 303 "web create"
R1=$(location | sed -n 's|^/k/reconsideration/\([0-9]*\)?msg=created$|\1|p')
post_form "/k/reconsideration/$R1/edit" note=已补正材料
expect_status 303 "web edit"
post_form "/k/reconsideration/$R1/do/accept"
expect_status 303 "web transition"
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕审计-2号","applicant":"计某","respondent":"示范县教育局","matter":"other","received":"2026-06-23","procedure":"simple"}'
expect_status 201 "API create"
R2=$(json .id)
api PUT "/api/v1/k/reconsideration/$R2" '{"outcome":"dismiss"}'
expect_status 200 "API edit"
api POST "/api/v1/k/reconsideration/$R2/do/accept"
api POST "/api/v1/k/reconsideration/$R2/do/close"
expect_status 200 "API transitions"
OLD=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id LIMIT 1")   # open: a clerk deletes no closed case (issue 17 §4)
api DELETE "/api/v1/k/reconsideration/$OLD"
expect_status 200 "API delete of a demo record"
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,示复〔2026〕审计-3号,甲,乙,其他,2026-06-01,普通程序\n示范县司法局,示复〔2026〕审计-4号,丙,丁,行政许可,2026-06-02,简易程序\n' >"$T/two.csv"
post_file /k/reconsideration/import "$T/two.csv"
expect_status 200 "web import"
login admin
REOPEN=$(sql "SELECT id FROM reconsideration WHERE state='closed' ORDER BY id LIMIT 1")
post_form "/k/reconsideration/$REOPEN/do/reopen"
expect_status 303 "admin reopen"
get /audit
expect_status 200 "audit page"
expect_contains "$BODY" '<td>撤回结案</td>' "the audit page lists the reopen by its label"
expect_contains "$BODY" '<td>导入</td>'
expect_contains "$BODY" '<td>删除</td>'

# Concurrent writers (the server has a thread pool, one connection each):
# 40 different cases at once all succeed; 20 copies of one case number at
# once give exactly one record.
N_BEFORE=$(sql "SELECT count(*) FROM reconsideration")
parallel_create(){   # NAME-PATTERN COUNT: case numbers "$1" with %d = 1..COUNT
  i=1; P=
  : >"$T/codes"
  while [ $i -le $2 ]; do
    cn=$(printf "$1" $i)
    curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data "{\"case_no\":\"$cn\",\"applicant\":\"并某\",\"respondent\":\"示范县公安局\",\"matter\":\"other\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\"}" \
      "$BASE/api/v1/k/reconsideration" >>"$T/codes" &
    P="$P $!"
    i=$((i+1))
  done
  wait $P     # only the curls: a bare wait would wait for the server too
}
api_as fuyi
parallel_create '示复〔2026〕并-%d号' 40
expect_eq "$(sort "$T/codes" | uniq -c | tr -s ' ' | sed 's/^ //')" "40 201" "40 concurrent creates all succeed"
parallel_create '示复〔2026〕并-同号' 20
expect_eq "$(grep -c '^201$' "$T/codes")" 1 "one of 20 concurrent duplicates is created"
expect_eq "$(grep -c '^422$' "$T/codes")" 19 "the other 19 are refused as duplicates"
expect_eq "$(sql "SELECT count(*) FROM reconsideration")" "$((N_BEFORE+41))" "41 records written"

# Stop the server so the database is quiet, then check it.
stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
RC=$?
expect_eq "$RC" 0 "fazhi check exit status"
expect_contains "$T/check.out" '检查通过'
expect_contains "$T/check.out" '哈希链完整'
N_AUDIT=$(sql "SELECT count(*) FROM audit")
expect_contains "$T/check.out" "审计日志${N_AUDIT}条" "check counts every audit row"

copy(){ db_copy "$1"; }
# run_check DB: fazhi check into $T/check.out, exit status in RC.
run_check(){ "$FAZHI" check --db "$1" >"$T/check.out" 2>&1; RC=$?; }

# 1. An audit entry edited (the append-only trigger dropped first).
D1=$(copy edited)
sql_on "$D1" "DROP TRIGGER audit_no_update$DROP_ON; UPDATE audit SET after='x' WHERE id=3"
run_check "$D1"
expect_eq "$RC" 1 "check exit status after editing audit row 3"
expect_contains "$T/check.out" '审计日志第3条：内容与哈希不符（已被修改）'
expect_not_contains "$T/check.out" '检查通过'

# The trigger itself refuses the edit.
D1b=$(copy trigger)
if sql_on "$D1b" "UPDATE audit SET after='x' WHERE id=3" 2>"$T/trig.err"; then
  fail "the audit table accepted an UPDATE"
else
  expect_contains "$T/trig.err" 'append-only'
fi

# 2. A record changed directly in its table.
D2=$(copy direct)
sql_on "$D2" "UPDATE reconsideration SET applicant='x' WHERE id=1"
run_check "$D2"
expect_eq "$RC" 1 "check exit status after a direct UPDATE"
expect_contains "$T/check.out" '行政复议 第1号记录与审计日志最后一次记载的内容不一致'
expect_contains "$T/check.out" '不一致'
# …and the record changed through the system is consistent (R1 was edited and moved).
expect_not_contains "$T/check.out" "第${R1}号" "a record changed through the web"

# 3. An audit entry deleted.
D3=$(copy deleted)
sql_on "$D3" "DROP TRIGGER audit_no_delete$DROP_ON; DELETE FROM audit WHERE id=5"
run_check "$D3"
expect_eq "$RC" 1 "check exit status after deleting audit row 5"
expect_contains "$T/check.out" '审计日志缺少第5至5条（已被删除）'
expect_contains "$T/check.out" '审计日志第6条：前一条的哈希不符（链条断裂）'

# 4. A record inserted or deleted behind the system's back.
D4=$(copy inserted)
sql_on "$D4" "INSERT INTO reconsideration(id, dept_id, state, created_at, updated_at, case_no, applicant, respondent, matter, received, procedure) VALUES(99999, 2, 'received', '2026-06-30', '2026-06-30', '示复〔2026〕暗-1号', '暗某', '示范县公安局', 'other', '2026-06-01', 'ordinary')"
run_check "$D4"
expect_eq "$RC" 1 "check exit status after a direct INSERT"
expect_contains "$T/check.out" '行政复议 第99999号记录没有任何审计记录（绕过系统写入）'
D5=$(copy removed)
sql_on "$D5" "DELETE FROM reconsideration WHERE id=$R2"
run_check "$D5"
expect_eq "$RC" 1 "check exit status after a direct DELETE"
expect_contains "$T/check.out" "行政复议 第${R2}号记录在审计日志中存在，但已从表中消失（被直接删除）"
# The record deleted through the API stays deleted without complaint.
expect_not_contains "$T/check.out" "第${OLD}号" "a record deleted through the API"

# The original is still fine.
run_check "$DB"
expect_eq "$RC" 0 "the untouched database still passes"

finish
