#!/bin/sh
# tests/http/122-check-reuse.sh
# A row deleted behind fazhi's back stays missing for `fazhi check` after
# fazhi creates the next row: the new row never takes the deleted id (a
# record through the API, an import, a user, a department, a report
# version), so check names the deleted one. SQLite would otherwise hand out
# its highest id again. A row whose key is chosen by the user (a setting's
# name, a holiday's day), deleted with SQL and made again through fazhi,
# is named as a reused key. SQLite and, with FZ_PG_BASE, PostgreSQL.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin
run_check(){ "$FAZHI" check --db "$DB" >"$T/check.out" 2>&1; RC=$?; }
run_check
expect_eq "$RC" 0 "the demo database passes check to begin with"
GONE='在审计日志中存在，但已从表中消失（被直接删除）'

# a record: the highest reconsideration deleted with SQL, then one made through the API
R1=$(sql "SELECT max(id) FROM reconsideration")
sql "DELETE FROM reconsideration WHERE id=$R1" || fail "deleting reconsideration $R1"
api POST /api/v1/k/reconsideration '{"case_no":"复用-1","applicant":"甲","respondent":"乙","matter":"other","received":"2026-06-01","procedure":"ordinary"}'
expect_status 201 "a reconsideration through the API"
expect_ne "$(json .id)" "$R1" "…does not take the id of the row deleted with SQL"
# the next highest, then an import
R2=$(sql "SELECT max(id) FROM reconsideration")
sql "DELETE FROM reconsideration WHERE id=$R2" || fail "deleting reconsideration $R2"
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,复用-2,甲,乙,其他,2026-06-01,普通程序\n' >"$T/one.csv"
"$FAZHI" import --db "$DB" reconsideration "$T/one.csv" >"$T/imp.out" 2>&1 || fail "fazhi import: $(cat "$T/imp.out")"
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE id=$R2")" 0 "an import does not take the id of the row deleted with SQL"
# a user
U=$(sql "SELECT max(id) FROM users")
UL=$(sql "SELECT login FROM users WHERE id=$U")
sql "DELETE FROM session WHERE user_id=$U; DELETE FROM users WHERE id=$U" || fail "deleting user $U"
"$FAZHI" user --db "$DB" add reuse1 复用甲 clerk 城关镇 >"$T/u.out" 2>&1 || fail "fazhi user add: $(cat "$T/u.out")"
expect_ne "$(sql "SELECT id FROM users WHERE login='reuse1'")" "$U" "a new user does not take the deleted user's id"
# a department
"$FAZHI" dept --db "$DB" add 复用测试局 >/dev/null 2>&1 || fail "fazhi dept add"
D=$(sql "SELECT id FROM dept WHERE name='复用测试局'")
sql "DELETE FROM dept WHERE id=$D" || fail "deleting dept $D"
"$FAZHI" dept --db "$DB" add 复用测试二局 >/dev/null 2>&1 || fail "fazhi dept add (2)"
expect_ne "$(sql "SELECT id FROM dept WHERE name='复用测试二局'")" "$D" "a new department does not take the deleted one's id"
# a report version
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "a report version"
V=$(json .id)
sql "DELETE FROM report_para WHERE version_id=$V; DELETE FROM report_version WHERE id=$V" || fail "deleting version $V"
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "another report version"
expect_ne "$(json .id)" "$V" "…does not take the deleted version's id"

# a setting and a holiday, whose keys are their name and day: deleted with
# SQL, then set again through fazhi (which finds no row to log as before)
"$FAZHI" setting --db "$DB" county_gov 示范县人民政府 >/dev/null 2>&1 || fail "fazhi setting"
"$FAZHI" holiday --db "$DB" add 2027-01-01 off 元旦 >/dev/null 2>&1 || fail "fazhi holiday add"
sql "DELETE FROM setting WHERE name='county_gov'; DELETE FROM holiday WHERE day='2027-01-01'" || fail "deleting a setting and a holiday"
"$FAZHI" setting --db "$DB" county_gov 某某县人民政府 >/dev/null 2>&1 || fail "fazhi setting (again)"
"$FAZHI" holiday --db "$DB" add 2027-01-01 off 元旦假期 >/dev/null 2>&1 || fail "fazhi holiday add (again)"

run_check
expect_eq "$RC" 1 "check fails"
expect_contains "$T/check.out" "设置“county_gov”：编号（键）被重复使用，原行已被直接删除" "the setting deleted with SQL and set anew is named"
expect_contains "$T/check.out" "节假日“2027-01-01”：编号（键）被重复使用，原行已被直接删除" "the holiday deleted with SQL and added anew is named"
expect_contains "$T/check.out" "行政复议 第${R1}号记录$GONE" "the record deleted before an API insert is named"
expect_contains "$T/check.out" "行政复议 第${R2}号记录$GONE" "the record deleted before an import is named"
expect_contains "$T/check.out" "用户“$U”（$UL）$GONE" "the deleted user is named"
expect_contains "$T/check.out" "部门“$D”（复用测试局）$GONE" "the deleted department is named"
expect_contains "$T/check.out" "报告版本“$V”$GONE" "the deleted report version is named"
finish
