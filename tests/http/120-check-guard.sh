#!/bin/sh
# tests/http/120-check-guard.sh
# `fazhi check` guards what decides who sees what and what a report says
# (issue 13 §3): users, departments, settings, holidays, report versions,
# baselines and 双随机 draws. Changes made through fazhi (the web, the API
# and the command line: a user, a department, a setting, a holiday, a
# baseline, a frozen report, a city grouping, an import) leave a database
# that passes; every change behind its back — an edit, an insert, a delete
# on each of those tables — is reported by name, with exit status 1. The
# frozen report (Markdown, HTML, Word, public page) states the chain head
# at its freeze, and `--anchor` with it passes. Runs on SQLite and, with
# FZ_PG_BASE, on PostgreSQL (the tampering through psql).
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

# 1. A frozen report, made through the API.
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "a version of the 2025 report"
V=$(json .id)
api PUT "/api/v1/report/v/$V" '{"paragraphs":[{"type":"title","text":"{party} {gov}{br}关于2025年法治政府建设情况的报告"},{"type":"p","text":"全年共收到行政复议申请{reconsideration.received}件。"}]}'
expect_status 200 "its text"
api POST "/api/v1/report/v/$V/freeze"
expect_status 200 "frozen"
HEAD_N=$(sql "SELECT max(id) FROM audit WHERE id < (SELECT max(id) FROM audit WHERE action='report_freeze')")
HEAD_H=$(sql "SELECT substr(hash, 1, 16) FROM audit WHERE id=$HEAD_N")
get "/report.md?year=2025&version=$V"
expect_contains "$BODY" "审计日志链：第${HEAD_N}条 ${HEAD_H}" "the frozen report states the chain head at its freeze (Markdown)"
get "/report?year=2025&version=$V"
expect_contains "$BODY" "审计日志链：第${HEAD_N}条 ${HEAD_H}" "…in HTML"
anon
get "/public/report?year=2025"
expect_status 200 "the public page of the frozen report"
expect_contains "$BODY" "fazhi check --anchor ${HEAD_N}:${HEAD_H}" "…states it too, with the command that checks it"
login admin
get "/report.docx?year=2025&version=$V"
cp "$BODY" "$T/r.docx"
unzip -p "$T/r.docx" word/document.xml >"$T/doc.xml" 2>/dev/null
expect_contains "$T/doc.xml" "审计日志链：第${HEAD_N}条 ${HEAD_H}" "…and the Word document"
stop_server

# 2. The command line's changes, each with its audit entry.
"$FAZHI" user --db "$DB" add zhoujian 周健 clerk 城关镇 >"$T/u.out" 2>&1 || fail "fazhi user add: $(cat "$T/u.out")"
"$FAZHI" dept --db "$DB" add 示范县审计局 >/dev/null 2>&1 || fail "fazhi dept add"
"$FAZHI" setting --db "$DB" county_gov 示范县人民政府 >/dev/null 2>&1 || fail "fazhi setting"
"$FAZHI" holiday --db "$DB" add 2027-01-01 off 元旦 >/dev/null 2>&1 || fail "fazhi holiday add"
"$FAZHI" holiday --db "$DB" add 2027-02-06 work 春节调休 >/dev/null 2>&1 || fail "fazhi holiday add (work)"
printf '2024年，全年共收到行政复议申请123件。\n' >"$T/base.txt"
"$FAZHI" baseline --db "$DB" --year 2024 "$T/base.txt" >"$T/b.out" 2>&1 || fail "fazhi baseline: $(cat "$T/b.out")"
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,示复〔2026〕守-1号,甲,乙,其他,2026-06-01,普通程序\n' >"$T/one.csv"
"$FAZHI" import --db "$DB" reconsideration "$T/one.csv" >/dev/null 2>&1 || fail "fazhi import"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE kind='@users' AND action='user_create' AND after LIKE '%\"login\":\"zhoujian\"%'")" 1 \
  "the new user's entry holds its row"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE kind='@users' AND after LIKE '%\$argon2%'")" 0 \
  "…but never a password hash (its digest only)"

run_check(){ _d=$1; shift; "$FAZHI" check --db "$_d" "$@" >"$T/check.out" 2>&1; RC=$?; }
run_check "$DB"
expect_eq "$RC" 0 "check passes after changes through fazhi (freeze, user, dept, setting, holidays, baseline, import)"
expect_contains "$T/check.out" '检查通过'
expect_contains "$T/check.out" '用户、部门、设置、节假日、报告版本、比较基准、双随机抽取、自定义台账定义共'
expect_contains "$T/check.out" "审计日志链头：第$(sql "SELECT max(id) FROM audit")条 $(sql "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")" \
  "check prints the chain head"
"$FAZHI" check --db "$DB" --anchor "${HEAD_N}:${HEAD_H}" >"$T/anchor.out" 2>&1
expect_eq "$?" 0 "--anchor with the frozen report's chain head passes"
expect_contains "$T/anchor.out" "锚点相符：审计日志第${HEAD_N}条"

# 3. Tampering, each on a copy of the database.
CLERK=$(sql "SELECT id FROM users WHERE login='fuyi'")
ZJ=$(sql "SELECT id FROM users WHERE login='zhoujian'")
BUREAU=$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")
TOWN=$(sql "SELECT id FROM dept WHERE name='城关镇'")
TOWNPATH=$(sql "SELECT path FROM dept WHERE id=$TOWN")
PLAN=$(sql "SELECT min(plan_id) FROM draw")
ROOT=$(sql "SELECT id FROM dept WHERE parent_id IS NULL")
tamper(){   # NAME SQL MESSAGE DESC
  _d=$(db_copy "$1")
  sql_on "$_d" "$2" || fail "$4: the tampering SQL failed"
  "$FAZHI" check --db "$_d" >"$T/check.out" 2>&1
  expect_eq "$?" 1 "$4: check's exit status"
  expect_contains "$T/check.out" "$3" "$4: named"
  expect_not_contains "$T/check.out" '检查通过' "$4: no pass"
}
STALE='与审计日志最后一次记载的内容不一致'
# edits
tamper role "UPDATE users SET role='admin' WHERE id=$CLERK" "用户“$CLERK”（fuyi）$STALE" "a clerk promoted to admin"
tamper pw "UPDATE users SET pw_hash=(SELECT pw_hash FROM users WHERE login='admin') WHERE id=$CLERK" "用户“$CLERK”（fuyi）$STALE" "a replaced password hash"
tamper moved "UPDATE users SET dept_id=$ROOT WHERE id=$CLERK" "用户“$CLERK”（fuyi）$STALE" "a user moved to another department"
tamper under "UPDATE dept SET parent_id=$TOWN, path='$TOWNPATH$BUREAU/' WHERE id=$BUREAU" "部门“$BUREAU”（示范县市场监督管理局）$STALE" "a bureau moved under a town"
tamper setting "UPDATE setting SET value='某某县人民政府' WHERE name='county_gov'" "设置“county_gov”$STALE" "a setting's value"
tamper holiday "UPDATE holiday SET dkind='w' WHERE day='2027-01-01'" "节假日“2027-01-01”$STALE" "a holiday turned into a workday"
tamper text "UPDATE report_version SET frozen_doc=replace(frozen_doc, '共收到', '仅收到') WHERE id=$V" "报告版本“$V”$STALE" "a frozen report's text"
tamper unfreeze "UPDATE report_version SET frozen_at=NULL, frozen_by=NULL, frozen_doc=NULL WHERE id=$V" "报告版本“$V”$STALE" "a report unfrozen"
tamper para "UPDATE report_para SET tpl='全年共收到行政复议申请1件。' WHERE version_id=$V AND pos=2" "报告版本“$V”$STALE" "a report's paragraph"
tamper basefig "UPDATE baseline_fig SET value='321' WHERE year=2024" "比较基准“$ROOT/2024”$STALE" "a baseline figure"
tamper pool "UPDATE draw SET pool_sha256='0000000000000000000000000000000000000000000000000000000000000000' WHERE plan_id=$PLAN" \
  "双随机抽取“$PLAN”$STALE" "a draw's pool hash"
tamper calday "UPDATE cal_day SET cwork=0 WHERE cday='2026-06-15'" "节假日日历表（cal_day）有1天与节假日安排不符（自2026-06-15起" \
  "a working day of the calendar table turned into a rest day"
ENT=$(sql "SELECT min(id) FROM enterprise")
tamper unit "UPDATE enterprise SET unit_id=unit_id+1000 WHERE id=$ENT" "市场主体名录库 第${ENT}号记录的唯一性单位（unit_id=" \
  "a record moved to another county's numbering (unit_id)"
# inserts
tamper admin "INSERT INTO users(id, login, name, role, dept_id, pw_hash, disabled, created_at) SELECT max(id)+1, 'ghost', '某人', 'admin', $ROOT, 'x', 0, '2026-06-30T00:00:00Z' FROM users" \
  "用户“$(( $(sql "SELECT max(id) FROM users") + 1 ))”（ghost）没有任何审计记录（绕过系统写入）" "an admin inserted"
tamper newhol "INSERT INTO holiday(day, dkind, name) VALUES('2027-03-01', 'o', '假的')" "节假日“2027-03-01”没有任何审计记录（绕过系统写入）" "a holiday inserted"
tamper newset "INSERT INTO setting(name, value) VALUES('city_name', '某市')" "设置“city_name”没有任何审计记录（绕过系统写入）" "a setting inserted"
# deletes
tamper delhol "DELETE FROM holiday WHERE day='2027-02-06'" "节假日“2027-02-06”在审计日志中存在，但已从表中消失（被直接删除）" "a holiday deleted"
tamper deluser "DELETE FROM session WHERE user_id=$ZJ; DELETE FROM users WHERE id=$ZJ" "用户“$ZJ”（zhoujian）在审计日志中存在，但已从表中消失（被直接删除）" "a user deleted"

# 4. A city grouping through fazhi keeps the database passing.
"$FAZHI" city --db "$DB" 示范市 示范县 >/dev/null 2>&1 || fail "fazhi city"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE kind='@dept' AND action='dept_city'")" 1 "the city grouping is one entry"
run_check "$DB"
expect_eq "$RC" 0 "check passes after a city grouping"
expect_contains "$T/check.out" '检查通过'

finish
