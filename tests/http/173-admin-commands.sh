#!/bin/sh
# tests/http/173-admin-commands.sh
# The county set-up commands — init, dept, holiday, setting — on a new
# database of two counties: what each prints, its exit status, and that a
# refused command changes nothing. Issue 14 §1 moved their bodies from
# src/main.c to src/app/cmd_admin.c and their department queries to
# src/engine/dept.c (dept_root_named, dept_unit_count); this pins the
# behaviour no earlier script checked (init refusing a county the database
# has; dept asking for --parent once there are two counties; holiday and
# setting --county messages). Runs on a SQLite file of its own.
. "$(dirname "$0")/lib.sh"
C=$T/c.db

# run EXPECTED_EXIT ARGS…: stdout in $T/run.out, stderr in $T/run.err.
run(){
  _want=$1; shift
  "$FAZHI" "$@" >"$T/run.out" 2>"$T/run.err"
  expect_eq "$?" "$_want" "exit of fazhi $*"
}
accounts(){ "$FAZHI" user --db "$C" list | sed -n 's/^共\([0-9]*\)个账号$/\1/p'; }

run 0 init --db "$C" --county 甲县
expect_contains "$T/run.out" "已创建甲县的数据库：$C"
check "init prints a 16-hex one-time password" grep -Eq '^一次性密码：[0-9a-f]{16}$' "$T/run.out"
run 1 init --db "$C" --county 甲县 --admin other
expect_contains "$T/run.err" '数据库中已经有“甲县”，未做任何改动'
expect_eq "$(accounts)" 1 "a refused init adds no account"

run 0 dept --db "$C" add 某局
expect_contains "$T/run.out" '已添加部门：某局'
run 0 init --db "$C" --county 乙县 --admin yi
expect_contains "$T/run.out" '已在数据库中新增县：乙县'
expect_contains "$T/run.out" '管理员账号：yi'
run 1 dept --db "$C" add 某镇 --type town
expect_contains "$T/run.err" '库中有多个县（区）或市：请用 --parent 指明上级部门'
run 1 dept --db "$C" add 某镇 --parent 丙县
expect_contains "$T/run.err" '未知的上级部门“丙县”'
run 2 dept --db "$C" add 某镇 --parent 乙县 --type farm
expect_contains "$T/run.err" '--type 应为 bureau（部门）、town（乡镇/街道）或 village（村/社区）'
run 0 dept --db "$C" add 某镇 --parent 乙县 --type town
expect_contains "$T/run.out" '已添加部门：某镇'
run 0 user --db "$C" add zhen 镇干部 clerk 某镇
run 0 user --db "$C" list
check "the town's clerk is listed in 某镇" grep -Eq '^zhen .* 某镇$' "$T/run.out"

run 0 holiday --db "$C" add 2027-1-1 off 元旦
expect_contains "$T/run.out" '已登记：2027-01-01 放假（元旦）。运行中的服务在下一个请求时生效。'
expect_contains "$T/run.out" '2027年  未完整：尚缺春节' "…and that one festival does not make the year whole (issue 16 §4)"
run 2 holiday --db "$C" add 2027-01-04 work 调休
expect_contains "$T/run.err" '调休上班日应为周六或周日，2027-01-04不是'
run 2 holiday --db "$C" add 2027-02-30 off 错
expect_contains "$T/run.err" '日期无效：“2027-02-30”（应为YYYY-MM-DD）'

run 0 setting --db "$C" --county 乙县 county_gov 乙县人民政府
check "setting --county names the county's own setting" grep -Eq '^已设置 county_gov@[0-9]+ = 乙县人民政府$' "$T/run.out"
run 2 setting --db "$C" --county 丙县 county_gov 丙县人民政府
expect_contains "$T/run.err" '没有县（区）或市“丙县”'
run 2 setting --db "$C" public_url ftp://x
expect_contains "$T/run.err" 'public_url 应为 http:// 或 https:// 开头的地址'

# every change above was audited and the guarded tables agree with the log
run 0 check --db "$C"
expect_contains "$T/run.out" '检查通过'
finish
