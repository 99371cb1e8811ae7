#!/bin/sh
# tests/http/224-list-grammar.sh
# Issue 17 §4, lists the RuoYi way: sortable columns (a declared field or
# the 期限 column; anything else in ?sort= is ignored, never SQL), the page
# size (10/20/50/100) with 共N条 and page numbers, the 操作 column as the
# user may (a leader only 查看; a clerk no 删除 on a closed case), row ticks
# and 导出选中 (an xlsx of the ticked rows, the export's format), and the
# departments offered in tree order with indentation. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login fuyi
login leader
login admin
api_login fuyi

rows(){ grep -o 'name="id" value="[0-9]*"' "$BODY" | sed 's/.*value="//;s/"//'; }
first_row(){ rows | head -1; }
N_ALL=$(sql "SELECT count(*) FROM reconsideration WHERE received>='2026-01-01' AND received<='2026-12-31'")

# 1. A declared field sorts both ways, with an arrow on its header.
as fuyi
get "/k/reconsideration?sort=received"
expect_status 200 "sort by 收到申请日期"
expect_contains "$BODY" '收到申请日期 ▲</a>' "ascending arrow"
expect_contains "$BODY" 'aria-sort="ascending"'
MIN=$(sql "SELECT min(received) FROM reconsideration WHERE received>='2026-01-01' AND received<='2026-12-31'")
expect_eq "$(sql "SELECT received FROM reconsideration WHERE id=$(first_row)")" "$MIN" "first row is the earliest"
expect_contains "$BODY" 'sort=received&amp;desc=1' "the header now offers descending"
get "/k/reconsideration?sort=received&desc=1"
expect_contains "$BODY" '收到申请日期 ▼</a>' "descending arrow"
MAX=$(sql "SELECT max(received) FROM reconsideration WHERE received>='2026-01-01' AND received<='2026-12-31'")
expect_eq "$(sql "SELECT received FROM reconsideration WHERE id=$(first_row)")" "$MAX" "first row is the latest"

# 2. Anything else in ?sort= is no sort: the default order (newest first),
#    no arrow, the same total, and the table intact.
DEFAULT_FIRST=$(sql "SELECT max(id) FROM reconsideration WHERE received>='2026-01-01' AND received<='2026-12-31'")
for bad in "received;DROP TABLE reconsideration" "1" "(SELECT 1)" "id DESC" "received desc" "dept_id" "note--"; do
  get /k/reconsideration -G --data-urlencode "sort=$bad"
  expect_status 200 "sort «$bad» answered"
  expect_eq "$(list_total)" "$N_ALL" "sort «$bad»: every case listed"
  expect_eq "$(first_row)" "$DEFAULT_FIRST" "sort «$bad»: the default order"
  expect_not_contains "$BODY" ' ▲</a>' "sort «$bad»: no arrow"
done
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE received>='2026-01-01' AND received<='2026-12-31'")" "$N_ALL" "the table is intact"
api_get /api/v1/k/reconsideration -G --data-urlencode "sort=received;DELETE FROM reconsideration"
expect_status 200 "API: unknown sort answered"
expect_json ".rows[0].id == $DEFAULT_FIRST" "API: unknown sort is the default order"
api_get /api/v1/k/reconsideration -G --data-urlencode "sort=received"
expect_json ".rows[0].fields.received == \"$MIN\"" "API: a declared field sorts"

# 3. The 期限 column sorts: the most pressing period first (overdue before
#    due soon), records without a running period last; descending, the
#    latest due date first (the county's 矛盾纠纷调解 has all three).
dues(){ grep -o '（[0-9-]*届满）' "$BODY" | tr -dc '0-9\n-'; }
as admin
get "/k/mediation?sort=due"
expect_contains "$BODY" '期限 ▲</a>' "期限 sorted"
FIRST_TR=$(grep -o '<tr class="[a-z-]*"><td class="tick"' "$BODY" | head -1)
expect_eq "$FIRST_TR" '<tr class="overdue"><td class="tick"' "sort=due: an overdue case first"
dues >"$T/d1"; sort "$T/d1" >"$T/d1s"
check "sort=due: due dates ascending" cmp -s "$T/d1" "$T/d1s"
check "sort=due: some rows with periods" test -s "$T/d1"
get "/k/mediation?sort=due&desc=1"
expect_contains "$BODY" '期限 ▼</a>'
dues >"$T/d2"; sort -r "$T/d2" >"$T/d2s"
check "sort=due desc: due dates descending" cmp -s "$T/d2" "$T/d2s"
check "sort=due desc: the latest first" test "$(head -1 "$T/d2")" \> "$(tail -1 "$T/d1")"
get "/k/mediation?sort=due&desc=1&page=999"
expect_status 200 "a page past the end"
as fuyi

# 4. Page size and 共N条 with page numbers.
get "/k/reconsideration?size=10"
expect_eq "$(rows | wc -l | tr -d ' ')" 10 "size=10: ten rows"
expect_contains "$BODY" '<option value="10" selected>10条/页</option>' "size 10 chosen"
expect_contains "$BODY" "<span>共 $N_ALL 条</span>" "共N条"
expect_contains "$BODY" '<span class="cur" aria-current="page">1</span>' "page number 1 current"
expect_contains "$BODY" 'size=10&amp;page=2">2</a>' "page 2 linked"
NPAGES=$(( (N_ALL + 9) / 10 ))
expect_contains "$BODY" "page=$NPAGES\">$NPAGES</a>" "the last page linked"
get "/k/reconsideration?size=10&page=5"
expect_contains "$BODY" '<span class="cur" aria-current="page">5</span>' "page 5 current"
expect_contains "$BODY" 'page=3">3</a>' "two pages each side"
expect_contains "$BODY" '<span class="gap">…</span>'
for n in 20 50 100; do
  get "/k/reconsideration?size=$n"
  want=$n; [ "$N_ALL" -lt "$n" ] && want=$N_ALL
  expect_eq "$(rows | wc -l | tr -d ' ')" "$want" "size=$n: $want rows"
  expect_contains "$BODY" "<option value=\"$n\" selected>$n条/页</option>"
done

# 5. The 操作 column as the user may.
OPEN=$(sql "SELECT id FROM reconsideration WHERE state='received' ORDER BY id DESC LIMIT 1")
CLOSED=$(sql "SELECT id FROM reconsideration WHERE state='closed' AND received>='2026-01-01' ORDER BY id DESC LIMIT 1")
get "/k/reconsideration?size=100&state=received"
expect_contains "$BODY" '<th class="nw ops">操作</th>' "an 操作 column"
expect_contains "$BODY" "<a href=\"/k/reconsideration/$OPEN\">查看</a><a href=\"/k/reconsideration/$OPEN/edit\">修改</a><a class=\"del\" href=\"/k/reconsideration/delete?id=$OPEN\"" "clerk: 查看 修改 删除 on an open case"
get "/k/reconsideration?size=100&state=closed"
expect_contains "$BODY" "<a href=\"/k/reconsideration/$CLOSED/edit\">修改</a></td>" "clerk: no 删除 on a closed case"
expect_not_contains "$BODY" "delete?id=$CLOSED\"" "clerk: no delete link for the closed case"
get "/k/reconsideration/$CLOSED"
expect_not_contains "$BODY" "/k/reconsideration/$CLOSED/delete" "clerk: no 删除 on the closed case's page"
as admin
get "/k/reconsideration?size=100&state=closed"
expect_contains "$BODY" "delete?id=$CLOSED\"" "admin: 删除 on a closed case"
as leader
get "/k/reconsideration?size=100&state=received"
expect_contains "$BODY" "<a href=\"/k/reconsideration/$OPEN\">查看</a></td>" "leader: 查看 only"
expect_not_contains "$BODY" '批量删除' "leader: no 批量删除"
expect_contains "$BODY" '导出选中' "leader: 导出选中"
expect_not_contains "$BODY" "/edit\">修改</a>" "leader: no 修改"
anon
get /k/service_item
expect_status 200 "the public list"
expect_not_contains "$BODY" 'name="id"' "the public: no ticks"
expect_not_contains "$BODY" '操作</th>' "the public: no 操作"

# 6. 导出选中: the ticked rows, in the export's format (and only rows in scope).
as fuyi
A=$(sql "SELECT id FROM reconsideration ORDER BY id LIMIT 1")
B=$OPEN
ACASE=$(sql "SELECT case_no FROM reconsideration WHERE id=$A")
BCASE=$(sql "SELECT case_no FROM reconsideration WHERE id=$B")
OTHER=$(sql "SELECT case_no FROM reconsideration WHERE id NOT IN ($A,$B) ORDER BY id DESC LIMIT 1")
get "/k/reconsideration/export.xlsx?id=$A&id=$B"
expect_status 200 "导出选中"
expect_header '^Content-Disposition: attachment; filename="reconsideration_[0-9]{14}\.xlsx"' "the export's file name"
cp "$BODY" "$T/sel.xlsx"
unzip -p "$T/sel.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/sel.txt" 2>/dev/null
expect_contains "$T/sel.txt" "$ACASE" "the first ticked case (another year) exported"
expect_contains "$T/sel.txt" "$BCASE" "the second ticked case exported"
expect_not_contains "$T/sel.txt" "$OTHER" "a case not ticked is not exported"
NROWS=$(grep -o '<row ' "$T/sel.txt" | wc -l | tr -d ' ')
expect_eq "$NROWS" 3 "a header and two rows"
# the whole export's header, the same columns
get "/k/reconsideration/export.xlsx?f_case_no=$(printf %s "$BCASE" | jq -sRr @uri)"
cp "$BODY" "$T/one.xlsx"
row1(){ unzip -p "$1" xl/worksheets/sheet1.xml | tr '\n' ' ' | sed 's/.*\(<row r="1"[^>]*>\)/\1/; s/<\/row>.*//' | grep -o '<c r="[A-Z]*1"' | wc -l | tr -d ' '; }
expect_eq "$(row1 "$T/sel.xlsx")" "$(row1 "$T/one.xlsx")" "导出选中 has the export's columns"
check "the export has columns" test "$(row1 "$T/one.xlsx")" -gt 5

# a record outside the clerk's scope is not exported
SH=$(sql "SELECT id FROM enforcement_case WHERE dept_id=(SELECT dept_id FROM users WHERE login='shichang') LIMIT 1")
SHNO=$(sql "SELECT case_no FROM enforcement_case WHERE id=$SH")
get "/k/enforcement_case/export.xlsx?id=$SH"
cp "$BODY" "$T/out.xlsx"
unzip -p "$T/out.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/out.txt" 2>/dev/null
expect_not_contains "$T/out.txt" "$SHNO" "another department's case is not exported"
# the list's form ticks rows into it
get /k/reconsideration
expect_contains "$BODY" '<form id="rows" method="get" action="/k/reconsideration/delete" class="rows">' "the rows' form"
expect_contains "$BODY" 'form="rows" class="btn warning batch-export" formaction="/k/reconsideration/export.xlsx">导出选中</button>' "导出选中 submits the ticks"

# 7. Departments in tree order, indented: the county, its bureaus by their
#    order, 城关镇 followed by its own villages — not the ids' text order
#    (/1/10/ before /1/2/).
as admin
get /k/reconsideration
grep -o '<select name="dept">.*</select>' "$BODY" | sed 's/<option/\n<option/g' | sed -n 's/.*value="\([0-9][0-9]*\)"[^>]*>\(.*\)<\/option>.*/\1 \2/p' >"$T/opts"
SJ=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")
JY=$(sql "SELECT id FROM dept WHERE name='示范县教育局'")
CG=$(sql "SELECT id FROM dept WHERE name='城关镇'")
line_of(){ grep -n "^$1 " "$T/opts" | head -1 | cut -d: -f1; }
check "the county first" sh -c "head -1 '$T/opts' | grep -q '^1 示范县\$'"
check "司法局 ($SJ) before 教育局 ($JY)" test "$(line_of "$SJ")" -lt "$(line_of "$JY")"
CGL=$(line_of "$CG")
NV=$(sql "SELECT count(*) FROM dept WHERE parent_id=$CG")
check "城关镇's $NV villages right below it" sh -c "sed -n '$((CGL+1)),$((CGL+NV))p' '$T/opts' | grep -c '　　' | grep -qx $NV"
expect_contains "$T/opts" "$SJ 　示范县司法局" "a bureau indented once"
# an admin's order number moves a department (siblings by 排序, then id)
post_form "/admin/depts/$JY/type" dtype=bureau sort_no=0 _form=type
SORT_MAX=$(sql "SELECT max(sort_no) FROM dept WHERE parent_id=1")
post_form "/admin/depts/$SJ/type" dtype=bureau sort_no=$((SORT_MAX+1)) _form=type
expect_status 303 "司法局's order changed"
get /k/reconsideration
grep -o '<select name="dept">.*</select>' "$BODY" | sed 's/<option/\n<option/g' | sed -n 's/.*value="\([0-9][0-9]*\)"[^>]*>\(.*\)<\/option>.*/\1 \2/p' >"$T/opts"
check "司法局 after 教育局 once ordered last" test "$(line_of "$SJ")" -gt "$(line_of "$JY")"
# the same order on the dashboard, the users page and the form
get /admin/users
grep -o '<select name="dept">.*</select>' "$BODY" | sed 's/<option/\n<option/g' | sed -n 's/.*value="\([0-9][0-9]*\)"[^>]*>\(.*\)<\/option>.*/\1 \2/p' >"$T/opts2"
check "用户管理 offers the same list" cmp -s "$T/opts" "$T/opts2"
finish
