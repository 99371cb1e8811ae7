#!/bin/sh
# tests/http/099-migrate.sh
# `fazhi migrate` moves a county from its SQLite file into the test's
# database (PostgreSQL when make test runs the PostgreSQL tier): every
# record and audit entry arrives, `fazhi check` passes on the result, a
# second county joins the same database with its ids shifted and its
# clashing names resolved, a refused migration changes nothing, tampering
# with a moved county's archived log is found, and users of both counties
# log in and see only their own county.
. "$(dirname "$0")/lib.sh"

# The source: the demo county in a SQLite file.
SRC=$T/src.db
if [ -n "${FZ_DEMO_DB:-}" ] && [ -f "$FZ_DEMO_DB" ]; then
  sqlite3 "$FZ_DEMO_DB" ".backup '$SRC'"
  cp -p "$FZ_DEMO_DB.key" "$SRC.key"      # its audit chain's key goes with it
else
  "$FAZHI" demo --db "$SRC" --no-serve >/dev/null 2>&1 || { fail "fazhi demo"; finish; }
fi
# The target: an empty database of the backend under test.
if [ -n "${FZ_PG_BASE:-}" ]; then
  psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE $DBNAME" || { fail "createdb"; finish; }
fi
count_src(){ sqlite3 "$SRC" "$1"; }

# serve_on FILE: a server on another database (the versions and baselines
# below are made through the system: a row written behind its back fails
# the source's check, and migrate refuses such a source).
serve_on(){ _saved_db=$DB; DB=$1; _spawn_server src; DB=$_saved_db; }

# 1. The first county, with a stored version of its report.
serve_on "$SRC"
api_login admin
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "a version of the source's report"
api PUT "/api/v1/report/v/$(json .id)" '{"paragraphs":[{"type":"p","text":"共{reconsideration.received}件。"},{"type":"point","text":"城关镇为{enforcement_case.record_rate%|dept_only=23}","key":"enforcement_case.record_rate|dept_only=23","state":"proposed"}]}'
expect_status 200 "…with a point about 城关镇"
stop_server
printf '2024年,共办理行政复议案件270件。\n' >"$T/base2024.txt"
"$FAZHI" baseline --db "$SRC" --year 2024 "$T/base2024.txt" >/dev/null 2>&1 || fail "fazhi baseline on the source"
"$FAZHI" migrate --from "$SRC" --to "$DB" >"$T/m1.out" 2>&1
expect_eq "$?" 0 "migrate exit status"
expect_contains "$T/m1.out" '已将示范县迁入目标数据库（迁移第1号）'
for k in service_item service_case legality_review normative_doc reconsideration users dept; do
  expect_eq "$(sql "SELECT count(*) FROM $k")" "$(count_src "SELECT count(*) FROM $k")" "every $k row moved"
done
expect_eq "$(sql "SELECT count(*) FROM draw")" "$(count_src "SELECT count(*) FROM draw")" "every 双随机 draw moved"
expect_eq "$(sql "SELECT pool_sha256 FROM draw ORDER BY plan_id LIMIT 1")" "$(count_src "SELECT pool_sha256 FROM draw ORDER BY plan_id LIMIT 1")" "…as it was"
expect_eq "$(sql "SELECT tpl FROM report_para WHERE version_id=1 AND pos=2")" '城关镇为{enforcement_case.record_rate%|dept_only=23}' \
  "the report's stored version moved"
expect_eq "$(sql "SELECT value FROM baseline_fig WHERE year=2024 AND kind='reconsideration'")" 270 "the baseline moved"
expect_eq "$(sql "SELECT count(*) FROM audit_archive")" "$(count_src "SELECT count(*) FROM audit")" \
  "every audit entry of the source kept in the archive"
expect_eq "$(sql "SELECT hash FROM audit_archive WHERE id=(SELECT max(id) FROM audit_archive)")" \
  "$(count_src "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")" "…verbatim, hashes included"
expect_eq "$(sql "SELECT case_no||'|'||state||'|'||COALESCE(decided,'') FROM reconsideration WHERE id=7")" \
  "$(count_src "SELECT case_no||'|'||state||'|'||COALESCE(decided,'') FROM reconsideration WHERE id=7")" \
  "a record arrives as it was (ids kept for the first county)"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes on the target"
expect_contains "$T/check.out" '哈希链完整'
expect_contains "$T/check.out" "迁入的1个县的原审计日志共$(count_src "SELECT count(*) FROM audit")条"

# 2. The same county again is refused, and nothing changes.
N_AUDIT=$(sql "SELECT count(*) FROM audit")
"$FAZHI" migrate --from "$SRC" --to "$DB" >"$T/m2.out" 2>&1
expect_eq "$?" 1 "a second migration of the same county fails"
expect_contains "$T/m2.out" '目标数据库中已有“示范县”'
expect_contains "$T/m2.out" '目标数据库未做任何改动'
expect_eq "$(sql "SELECT count(*) FROM audit")" "$N_AUDIT" "no audit entry written"

# 3. A second county with a clashing login and a clashing town name.
C2=$T/c2.db
"$FAZHI" init --db "$C2" --county 另一县 --admin admin >"$T/init.out" 2>&1
C2PW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
"$FAZHI" dept --db "$C2" add 城关镇 --type town >/dev/null
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n城关镇,另复〔2026〕1号,甲,乙,其他,2026-06-01,普通程序\n另一县司法局,另复〔2026〕2号,丙,丁,行政许可,2026-06-02,简易程序\n' >"$T/c2.csv"
"$FAZHI" import --db "$C2" reconsideration "$T/c2.csv" >/dev/null 2>&1
C2TOWN=$(sqlite3 "$C2" "SELECT id FROM dept WHERE name='城关镇'")
serve_on "$C2"
api_login admin "$C2PW"
api POST /api/v1/password "{\"old\":\"$C2PW\",\"new\":\"C2-Admin-2026x\",\"new2\":\"C2-Admin-2026x\"}"
expect_status 200 "the one-time password changed through the API"
api POST /api/v1/report/drafts '{"year":2026}'
api PUT "/api/v1/report/v/$(json .id)" "{\"paragraphs\":[{\"type\":\"point\",\"text\":\"城关镇为{reconsideration.ontime_rate%|dept_only=$C2TOWN}\",\"key\":\"reconsideration.ontime_rate|dept_only=$C2TOWN\",\"state\":\"\"}]}"
expect_status 200 "a version of the second county's report"
stop_server
# a one-time password again, to see it stay one-time through the move
C2PW=$("$FAZHI" user --db "$C2" reset admin | sed -n 's/.*一次性密码：//p')
N_REC=$(sql "SELECT count(*) FROM reconsideration")
"$FAZHI" migrate --from "$C2" --to "$DB" >"$T/m3.out" 2>&1
expect_eq "$?" 1 "a clashing login stops the migration"
expect_contains "$T/m3.out" '账号“admin”在目标数据库中已存在'
expect_contains "$T/m3.out" '--login-prefix'
expect_eq "$(sql "SELECT count(*) FROM reconsideration")" "$N_REC" "no record written by the refused migration"
expect_eq "$(sql "SELECT count(*) FROM dept WHERE name='另一县'")" 0 "no department written either"
"$FAZHI" migrate --from "$C2" --to "$DB" --login-prefix lx- >"$T/m4.out" 2>&1
expect_eq "$?" 0 "with --login-prefix it goes through"
expect_contains "$T/m4.out" '已将另一县迁入目标数据库（迁移第2号）：2条记录'
expect_eq "$(sql "SELECT count(*) FROM reconsideration")" "$((N_REC+2))" "its two records arrive"
MAXID=$(count_src "SELECT max(id) FROM reconsideration")
expect_eq "$(sql "SELECT min(id) FROM reconsideration WHERE case_no LIKE '另复%'")" "$((MAXID+1))" \
  "its record ids follow the first county's"
expect_eq "$(sql "SELECT d.name FROM reconsideration r JOIN dept d ON d.id=r.dept_id WHERE r.case_no='另复〔2026〕1号'")" \
  "另一县城关镇" "its 城关镇 is renamed after its county, and the record follows it"
expect_eq "$(sql "SELECT substr(path, 1, length(path)) FROM dept WHERE name='另一县城关镇'")" \
  "/$(sql "SELECT id FROM dept WHERE name='另一县'")/$(sql "SELECT id FROM dept WHERE name='另一县城关镇'")/" \
  "its department paths are rebuilt under its own root"
expect_eq "$(sql "SELECT count(*) FROM users WHERE login='lx-admin'")" 1 "its admin is lx-admin"
NEWTOWN=$(sql "SELECT id FROM dept WHERE name='另一县城关镇'")
expect_eq "$(sql "SELECT v.id||' '||v.dept_id||' '||p.tpl FROM report_version v JOIN report_para p ON p.version_id=v.id WHERE v.year=2026")" \
  "2 $(sql "SELECT id FROM dept WHERE name='另一县'") 城关镇为{reconsideration.ontime_rate%|dept_only=$NEWTOWN}" \
  "its report's version follows its county: id, department and the department its figure names"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes with two counties"
expect_contains "$T/check.out" '迁入的2个县'

# 3b. The city's database: each indicator across its counties and their sum;
# the whole's report (the command line sees every county) named by city_name,
# each county's by its own name.
"$FAZHI" counties --db "$DB" --year 2026 >"$T/counties.md" 2>"$T/counties.err"
expect_eq "$?" 0 "fazhi counties"
expect_contains "$T/counties.md" "| 类别 | 指标 | 示范县 | 另一县 | 合计 |"
R1=$(sql "SELECT count(*) FROM reconsideration r JOIN dept d ON d.id=r.dept_id WHERE d.path LIKE '/1/%' AND r.received BETWEEN '2026-01-01' AND '2026-12-31'")
expect_contains "$T/counties.md" "| 行政复议 | 收到复议申请 | ${R1}件 | 2件 | $((R1+2))件 |" "复议 by county, and the sum"
"$FAZHI" setting --db "$DB" city_name 示范市 >/dev/null
"$FAZHI" report --db "$DB" --year 2026 --format md -o "$T/city.md" 2>/dev/null
expect_contains "$T/city.md" "# 中共示范市委 示范市人民政府关于2026年法治政府建设情况的报告" "the city's report is named by city_name"
expect_contains "$T/city.md" "省委、省政府：" "…and goes to the province"
expect_contains "$T/city.md" "共收到行政复议申请$((R1+2))件" "…with the sum of its counties"
"$FAZHI" setting --db "$DB" --county 另一县 county_party 中共另一县委员会 >/dev/null
expect_eq "$(sql "SELECT value FROM setting WHERE name='county_party@$(sql "SELECT id FROM dept WHERE name='另一县'")'")" "中共另一县委员会" \
  "a county's own setting in a database of several"

# 4. Users of each county see their own county.
_spawn_server server
login admin
get /k/reconsideration
expect_status 200 "the first county's admin works on the target"
expect_contains "$BODY" '示范县法治政府建设管理系统'
expect_not_contains "$BODY" '另复〔2026〕' "…and does not see the other county's cases"
first_login lx-admin "$C2PW" Lx-Admin-2026x    # init's password is one-time, also after the move
C2PW=Lx-Admin-2026x
get /k/reconsideration
expect_status 200 "the second county's admin logs in with its own password"
expect_contains "$BODY" '另一县法治政府建设管理系统' "the header names the user's own county"
expect_eq "$(list_total)" 2 "the second county's admin sees exactly its two cases"
get "/report.md?year=2026&version=data"
expect_contains "$BODY" "# 中共另一县委员会 另一县人民政府关于2026年法治政府建设情况的报告" "its report is its own, named by its own settings"
expect_contains "$BODY" "共收到行政复议申请2件"
# The audit log: an admin reads what the users of their own county did; the
# operator's command-line entries belong to no county of the two.
# (The log names a person as 姓名（部门）.)
who(){ sql "SELECT u.name || '（' || d.name || '）' FROM users u JOIN dept d ON d.id=u.dept_id WHERE u.login='$1'"; }
post_form /k/regulation/new rule_no=LX-ZD-1 title=另一县行政执法公示办法 area=enforcement level=dept adopted=2026-01-10
expect_status 303 "the second county's admin records a rule"
get /audit
expect_status 200 "the second county's admin reads the audit log"
expect_contains "$BODY" "<td>$(who lx-admin)</td><td>新增</td><td><a href=\"/k/regulation/" "…with what they did"
expect_not_contains "$BODY" "<td>$(who admin)</td>" "…and nothing the first county's users did"
expect_not_contains "$BODY" '系统（命令行）' "…nor the operator's command-line entries"
login admin
post_form /k/regulation/new rule_no=SF-ZD-1 title=示范县行政执法公示办法 area=enforcement level=dept adopted=2026-01-10
get /audit
expect_contains "$BODY" "<td>$(who admin)</td><td>新增</td>" "the first county's admin reads their own county's entries"
expect_not_contains "$BODY" "$(who lx-admin)" "…and nothing of the second county"
stop_server

# 4b. A city over both counties: its admin sees each county side by side and
# the city's report; each county's admin still sees only their county.
"$FAZHI" city --db "$DB" 示范市 示范县 另一县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "fazhi city"
CITY=$(sql "SELECT id FROM dept WHERE name='示范市'")
expect_eq "$(sql "SELECT path FROM dept WHERE name='另一县城关镇'")" "/$CITY/$(sql "SELECT id FROM dept WHERE name='另一县'")/$(sql "SELECT id FROM dept WHERE name='另一县城关镇'")/" \
  "the counties' paths begin with the city"
"$FAZHI" city --db "$DB" 示范市 示范县 >"$T/city2.out" 2>&1
expect_eq "$?" 1 "a county already in a city"
expect_contains "$T/city2.out" "“示范县”已属于某个市"
"$FAZHI" user --db "$DB" add shi 市管理员 admin 示范市 >"$T/user.out" 2>&1
SHIPW=$(sed -n "s/.*一次性密码：//p" "$T/user.out")
_spawn_server server
first_login shi "$SHIPW" Shi-Admin-2026x
SHIPW=Shi-Admin-2026x
get /counties?year=2026
expect_status 200 "各县（区）指标 for the city's admin"
expect_contains "$BODY" "<th>示范县</th><th>另一县</th><th>合计</th>"
expect_contains "$BODY" ">$((R1+2))件</a>" "复议 summed over the counties"
expect_contains "$BODY" '<a class="brand" href="/">示范市法治政府建设管理系统</a>' "the city admin's header names the city"
api_login shi "$SHIPW"
api_get "/api/v1/counties?year=2026"
expect_json "[.counties[].name] == [\"示范县\",\"另一县\"]" "the counties through the API"
expect_json ".indicators[] | select(.kind==\"reconsideration\" and .name==\"received\") | (.by_county | map(.numerator)) == [$R1, 2] and .total.numerator == $((R1+2))" \
  "…each county's figure and their sum"
get "/report.md?year=2026&version=data"
expect_contains "$BODY" "# 中共示范市委 示范市人民政府关于2026年法治政府建设情况的报告" "the city admin's report is the city's"
expect_contains "$BODY" "共收到行政复议申请$((R1+2))件"
# The city's admin records a rule for the first county: that county's admin
# reads it in the audit log (a change to a record of their county), the
# other county's admin does not.
api POST /api/v1/k/regulation '{"rule_no":"SHI-ZD-1","所属部门":"示范县司法局","title":"示范县行政执法协调办法","area":"enforcement","level":"dept","adopted":"2026-02-01"}'
expect_status 201 "the city's admin records a rule of 示范县"
# …and each county's own 专题听取汇报: the city's table adds them up
api POST /api/v1/k/leader_duty '{"duty_no":"SHI-LZ-1","所属部门":"示范县","duty_type":"hearing","topic":"听取示范县法治建设汇报","held":"2026-02-02"}'
expect_status 201 "a hearing of 示范县 itself"
api POST /api/v1/k/leader_duty '{"duty_no":"SHI-LZ-2","所属部门":"另一县","duty_type":"hearing","topic":"听取另一县法治建设汇报","held":"2026-02-03"}'
LZ2=$(json .id)
api POST /api/v1/k/leader_duty '{"duty_no":"SHI-LZ-3","所属部门":"示范市","duty_type":"hearing","topic":"市政府听取法治建设汇报","held":"2026-02-04"}'
H1=$(sql "SELECT count(*) FROM leader_duty WHERE dept_id=(SELECT id FROM dept WHERE name='示范县') AND duty_type='hearing' AND held LIKE '2026-%'")
H2=$(sql "SELECT count(*) FROM leader_duty WHERE dept_id=(SELECT id FROM dept WHERE name='另一县') AND duty_type='hearing' AND held LIKE '2026-%'")
api_get "/api/v1/counties?year=2026"
expect_json ".indicators[] | select(.kind==\"leader_duty\" and .name==\"hearings\") | (.by_county | map(.numerator)) == [$H1, $H2] and .total.numerator == $((H1+H2))" \
  "each county's own hearings, and their sum (not the city's own)"
login lx-admin "$C2PW"
get /audit
expect_not_contains "$BODY" "<td>$(who shi)</td><td>新增</td><td><a href=\"/k/regulation/" "the second county's admin does not see the city admin's work in the first county"
expect_contains "$BODY" "<td>$(who shi)</td><td>新增</td><td><a href=\"/k/leader_duty/$LZ2\">" "…but does see what was done to a record of their own"
get /k/reconsideration
expect_eq "$(list_total)" 2 "the second county's admin still sees exactly its two cases"
expect_contains "$BODY" '<a class="brand" href="/">另一县法治政府建设管理系统</a>' "…under its own county's name"
get "/report.md?year=2026&version=data"
expect_contains "$BODY" "# 中共另一县委员会 另一县人民政府" "…and its own report"
login admin
get /audit
expect_contains "$BODY" "<td>$(who shi)</td><td>新增</td><td><a href=\"/k/regulation/" "the first county's admin sees the city admin's change to their county's record"
get /k/reconsideration
expect_not_contains "$BODY" '另复〔2026〕' "the first county's admin does not see the other county's cases"
api_login fuyi
api POST /api/v1/k/file_review '{"unit":"另一县城关镇"}'
expect_status 422 "a county's clerk names a unit"
expect_json '.errors | any(.field == "unit" and (.message | contains("没有部门“另一县城关镇”")))' "…of another county of the city: no such department for her"
stop_server
"$FAZHI" dept --db "$DB" add 新设局 >"$T/dept.out" 2>&1
expect_eq "$?" 1 "a department without --parent in a city's database"
expect_contains "$T/dept.out" "请用 --parent 指明上级部门"
"$FAZHI" city --db "$DB" 示范市 另一县 另一县 >"$T/city3.out" 2>&1
expect_contains "$T/city3.out" "县（区）“另一县”写了两次"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes after the city"

# 5. An edited entry of an archived log is found.
sql "UPDATE audit_archive SET login='x' WHERE migration_id=1 AND id=3"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 1 "check fails after an archived entry is edited"
# (the source's entries are keyed with its own key, which stayed with it:
# the digest of their content in the target's keyed migrate entry finds it)
expect_contains "$T/check.out" '迁入县（迁移第1号）的原审计日志内容与迁移条目所记摘要不符（已被修改）'
sql "UPDATE migration SET n_audit=n_audit+1 WHERE id=2"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_contains "$T/check.out" '迁移记录第2号与审计日志中的迁移条目不符'

finish
