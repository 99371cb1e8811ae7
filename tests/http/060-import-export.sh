#!/bin/sh
# tests/http/060-import-export.sh
# Imports are all or nothing: a UTF-8 CSV (BOM, Chinese headers, CRLF) and
# the same content in GB18030 import every row, through the web upload
# (multipart, field "file") and through the API (raw body); a file with a
# bad date on row 12 and an unknown department on row 15 imports nothing
# and names both. The import template and exports are real XLSX files, and
# an export can be imported again. Oversized bodies get 413.
. "$(dirname "$0")/lib.sh"
start_server

login fuyi
api_login fuyi
n_recon(){ sql "SELECT count(*) FROM reconsideration"; }
N0=$(n_recon)

# make_csv PREFIX ROWS: a 复议 CSV as a clerk saves it from Excel: UTF-8 with
# BOM, CRLF, Chinese headers in another order than the template, a quoted
# value with a comma, labels for enums, 是/否 for booleans. Row r (as the
# user counts rows: the header is row 1) has case number PREFIX-r.
make_csv(){
  printf '\357\273\277'
  printf '案号,所属部门,申请人,被申请人,案件类别,收到申请日期,受理日期,审理程序,经批准延长审理期限,结案日期,结案方式,状态\r\n'
  r=2
  while [ $r -le $(($2+1)) ]; do
    case $((r % 3)) in
      0) printf '%s-%d,示范县司法局,"张某%d,李某",示范县公安局,行政处罚,2026-05-%02d,,普通程序,否,,,待审查\r\n' "$1" $r $r $((r % 28 + 1)) ;;
      1) printf '%s-%d,示范县司法局,王某%d,示范县市场监督管理局,政府信息公开,2026-05-%02d,2026-06-01,简易程序,否,,,已受理\r\n' "$1" $r $r $((r % 28 + 1)) ;;
      2) printf '%s-%d,示范县司法局,赵某%d,示范县自然资源局,征收征用,2026-04-%02d,2026-05-06,普通程序,是,2026-06-20,维持,已结案\r\n' "$1" $r $r $((r % 28 + 1)) ;;
    esac
    r=$((r+1))
  done
}

# 1. UTF-8 CSV through the web upload: 20 rows written.
make_csv 示复〔2026〕导U 20 >"$T/utf8.csv"
check "the UTF-8 file starts with a BOM" sh -c "head -c 3 '$T/utf8.csv' | od -An -tx1 | grep -q 'ef bb bf'"
get /k/reconsideration/import
expect_status 200 "import page"
expect_contains "$BODY" 'enctype="multipart/form-data"'
expect_contains "$BODY" 'name="file"'
post_file /k/reconsideration/import "$T/utf8.csv"
expect_status 200 "UTF-8 CSV import"
expect_contains "$BODY" '导入成功：共写入20条行政复议记录。'
expect_eq "$(n_recon)" "$((N0+20))" "20 rows written"
api_get /api/v1/k/reconsideration -G --data-urlencode "f_case_no=示复〔2026〕导U-" --data-urlencode year=all
expect_json '.total == 20' "the list finds the 20 imported cases"
R3=$(sql "SELECT id FROM reconsideration WHERE case_no='示复〔2026〕导U-3'")
api GET "/api/v1/k/reconsideration/$R3"
expect_json '.fields.applicant == "张某3,李某" and .fields.matter == "penalty" and .state == "received"' "row 3 read right (quoted comma, enum label)"
R4=$(sql "SELECT id FROM reconsideration WHERE case_no='示复〔2026〕导U-4'")
api GET "/api/v1/k/reconsideration/$R4"
expect_json '.fields.procedure == "simple" and .state == "accepted" and .fields.accepted == "2026-06-01"' "row 4 read right"
R5=$(sql "SELECT id FROM reconsideration WHERE case_no='示复〔2026〕导U-5'")
api GET "/api/v1/k/reconsideration/$R5"
expect_json '.state == "closed" and .fields.extended == true and .fields.outcome == "uphold" and .fields.decided == "2026-06-20"' "row 5 read right (是, 已结案)"
# importing the same file again: every case number exists already, nothing written
post_file /k/reconsideration/import "$T/utf8.csv"
expect_status 422 "the same file twice"
expect_contains "$BODY" '第2行「案号」：“示复〔2026〕导U-2”已存在，不能重复'
expect_contains "$BODY" '第21行「案号」：“示复〔2026〕导U-21”已存在，不能重复' "every duplicate row is listed"
expect_eq "$(n_recon)" "$((N0+20))" "nothing written by the second import"

# 2. The same content in GB18030 (what Excel on a Chinese Windows saves).
make_csv 示复〔2026〕导G 20 | sed '1s/^\xef\xbb\xbf//' | iconv -f UTF-8 -t GB18030 >"$T/gb.csv"
check "the GB18030 file is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$T/gb.csv' >/dev/null 2>&1"
post_file /k/reconsideration/import "$T/gb.csv"
expect_status 200 "GB18030 CSV import"
expect_contains "$BODY" '导入成功：共写入20条行政复议记录。'
expect_eq "$(sql "SELECT applicant FROM reconsideration WHERE case_no='示复〔2026〕导G-3'")" "张某3,李某" "GB18030 text decoded"
expect_eq "$(n_recon)" "$((N0+40))" "40 rows written"

# 3. The API takes the raw file as the body.
make_csv 示复〔2026〕导A 7 >"$T/api.csv"
api_req_file(){ req POST "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$2"; }
WHO=api api_req_file /api/v1/k/reconsideration/import "$T/api.csv"
expect_status 200 "API CSV import"
expect_json '.imported == 7'
make_csv 示复〔2026〕导AG 5 | sed '1s/^\xef\xbb\xbf//' | iconv -f UTF-8 -t GB18030 >"$T/api-gb.csv"
api_req_file /api/v1/k/reconsideration/import "$T/api-gb.csv"
expect_status 200 "API GB18030 import"
expect_json '.imported == 5'
expect_eq "$(n_recon)" "$((N0+52))" "52 rows written"

# 4. All or nothing: row 12 has a bad date, row 15 an unknown department.
make_csv 示复〔2026〕导B 20 | awk 'NR==12{sub(/,2026-0[45]-[0-9][0-9],/, ",2026-02-30,")} NR==15{sub(/示范县司法局/, "示范县火星局")} {print}' >"$T/bad.csv"
check "row 12 has the bad date" sh -c "sed -n 12p '$T/bad.csv' | grep -q 2026-02-30"
check "row 15 has the unknown department" sh -c "sed -n 15p '$T/bad.csv' | grep -q 示范县火星局"
post_file /k/reconsideration/import "$T/bad.csv"
expect_status 422 "import with two bad rows"
expect_contains "$BODY" '第12行「收到申请日期」'
expect_contains "$BODY" '第12行「收到申请日期」：日期格式应为YYYY-MM-DD，实际为“2026-02-30”'
expect_contains "$BODY" '第15行「所属部门」'
expect_contains "$BODY" '第15行「所属部门」：未知部门“示范县火星局”'
expect_contains "$BODY" '未写入任何数据'
expect_not_contains "$BODY" '第13行' "a good row is reported"
expect_eq "$(n_recon)" "$((N0+52))" "nothing written by the bad file"
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE case_no LIKE '示复〔2026〕导B-%'")" 0 "not even the rows before row 12"
api_req_file /api/v1/k/reconsideration/import "$T/bad.csv"
expect_status 422 "API import with two bad rows"
expect_json '.errors | any(.row == 12 and .field == "received" and (.message | startswith("第12行「收到申请日期」")))'
expect_json '.errors | any(.row == 15 and .field == "dept_id" and (.message | startswith("第15行「所属部门」")))'
expect_json '[.errors[].row] | all(. == 12 or . == 15)' "only rows 12 and 15 are named"
get "/k/reconsideration?year=all"
expect_eq "$(list_total)" "$((N0+52))" "list total unchanged"
# A file that breaks off at its end: its first 3000 good rows are read (and
# written) while the rest is still being parsed, yet the one error is the
# broken last row's, and nothing is kept — not even with a bad row before it.
{ make_csv 示复〔2026〕导E 3000; printf '示复〔2026〕导E-末,示范县司法局,"王某\r\n'; } >"$T/cut.csv"
post_file /k/reconsideration/import "$T/cut.csv"
expect_status 422 "import of a file cut inside a quoted cell"
expect_contains "$BODY" '第3002行：引号未闭合'
expect_eq "$(sql "SELECT count(*) FROM reconsideration WHERE case_no LIKE '示复〔2026〕导E-%'")" 0 "none of the 3000 good rows kept"
awk 'NR==7{sub(/示范县司法局/, "示范县火星局")} {print}' "$T/cut.csv" >"$T/cut-bad.csv"
api_req_file /api/v1/k/reconsideration/import "$T/cut-bad.csv"
expect_status 422 "API import of a cut file with a bad row"
expect_json '[.errors[].message] == ["第3002行：引号未闭合（以双引号开头的单元格缺少结束的双引号）"]' "only the reader's error"
expect_eq "$(n_recon)" "$((N0+52))" "nothing written by the cut files"
# Duplicates inside one file are named with the first row.
make_csv 示复〔2026〕导D 4 | sed '5s/导D-5/导D-2/' >"$T/dup.csv"
api_req_file /api/v1/k/reconsideration/import "$T/dup.csv"
expect_status 422 "duplicate rows in one file"
expect_json '.errors | any(.row == 5 and (.message | contains("与第2行重复")))'
# No file at all.
post /k/reconsideration/import -F "_csrf=$CSRF"
expect_status 422 "upload without a file"
expect_contains "$BODY" '没有收到文件'

# 5. The import template: a real XLSX with the Chinese labels as headers.
get /k/reconsideration/template.xlsx
expect_status 200 "template"
expect_header '^Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' "xlsx content type"
expect_header '^Content-Disposition: attachment; filename="reconsideration_template_[0-9]{14}\.xlsx"'
cp "$BODY" "$T/template.xlsx"
check "template is a zip with sheet1.xml" sh -c "unzip -l '$T/template.xlsx' | grep -q 'xl/worksheets/sheet1.xml'"
unzip -p "$T/template.xlsx" xl/sharedStrings.xml >"$T/template.strings" 2>/dev/null
for label in 所属部门 案号 申请人 被申请人 案件类别 收到申请日期 受理日期 审理程序 结案日期 结案方式; do
  expect_contains "$T/template.strings" "<t>$label" "template header $label"
done
# its dropdowns offer the enum labels
unzip -p "$T/template.xlsx" xl/worksheets/sheet1.xml >"$T/template.sheet"
expect_contains "$T/template.sheet" '行政处罚,行政强制' "案件类别 dropdown"
# An empty template is refused with a reason.
post_file /k/reconsideration/import "$T/template.xlsx"
expect_status 422 "empty template"
expect_contains "$BODY" '文件只有表头，没有数据行'

# 6. Export of the current query: a real XLSX holding the filtered records.
get /k/reconsideration/export.xlsx -G --data-urlencode year=all --data-urlencode "f_case_no=示复〔2026〕导U-1"
expect_status 200 "export"
expect_header '^Content-Disposition: attachment; filename="reconsideration_[0-9]{14}\.xlsx"'
cp "$BODY" "$T/export.xlsx"
check "export is a zip with sheet1.xml" sh -c "unzip -l '$T/export.xlsx' | grep -q 'xl/worksheets/sheet1.xml'"
# strings may be shared or inline: read both parts
unzip -p "$T/export.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/export.strings" 2>/dev/null
expect_contains "$T/export.strings" '示复〔2026〕导U-10' "export holds a matching case"
expect_contains "$T/export.strings" '赵某11' "export holds the applicant of U-11"
expect_contains "$T/export.strings" '收到申请日期' "export header"
expect_contains "$T/export.strings" '>编号<' "the first column is 编号 (the record's number), not ID"
expect_not_contains "$T/export.strings" '>ID<' "…no English header"
_b=$BODY
get /k/emergency/export.xlsx -G --data-urlencode year=all
cp "$BODY" "$T/em.xlsx"; BODY=$_b
unzip -p "$T/em.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml >"$T/em.strings" 2>/dev/null
expect_contains "$T/em.strings" '>系统编号<' "a kind with its own 编号 field (突发事件) exports the record's number as 系统编号"
# A kind without states (普法活动) exports an empty 状态, which its importer takes.
login admin
get /k/law_publicity/export.xlsx -G --data-urlencode year=2025
cp "$BODY" "$T/lp.xlsx"; BODY=$_b
NLP=$(sql "SELECT count(*) FROM law_publicity")
post_file /k/law_publicity/import "$T/lp.xlsx"
expect_status 422 "importing the same records again is refused…"
expect_contains "$BODY" '已存在，不能重复' "…only because their 活动编号 exist already"
expect_not_contains "$BODY" '未知状态' "a stateless kind's export carries no state the importer refuses"
expect_eq "$(sql "SELECT count(*) FROM law_publicity")" "$NLP" "nothing written"
login fuyi
expect_not_contains "$T/export.strings" '示复〔2026〕导U-2<' "export ignores the filter"
expect_not_contains "$T/export.strings" '示复〔2026〕导G-' "export ignores the filter"
# 11 rows match "导U-1": U-1x (10..19) and U-1 itself does not exist (rows start at 2)
check "export has one row per matching record" sh -c "[ \$(grep -o '<row ' '$T/export.strings' | wc -l) -eq 11 ]"
# Round trip: delete the exported cases, import the export, they are back.
# (Some are closed: only the county admin deletes a closed case, issue 17 §4.)
login admin
for c in $(sql "SELECT id FROM reconsideration WHERE case_no LIKE '示复〔2026〕导U-1%'"); do
  post_form "/k/reconsideration/$c/delete"
done
as fuyi
expect_eq "$(n_recon)" "$((N0+42))" "10 exported cases deleted"
post_file /k/reconsideration/import "$T/export.xlsx"
expect_status 200 "export imported again"
expect_contains "$BODY" '导入成功：共写入10条行政复议记录。'
expect_eq "$(sql "SELECT state||'|'||applicant||'|'||received||'|'||COALESCE(decided,'')||'|'||COALESCE(outcome,'')||'|'||extended FROM reconsideration WHERE case_no='示复〔2026〕导U-11'")" \
  "closed|赵某11|2026-04-12|2026-06-20|uphold|1" "U-11 came back as it was"

# 7. Oversized bodies: 413 before anything is written.
head -c 1100000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
hwm(){ sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SERVER_PID/status" 2>/dev/null; }
HWM0=$(hwm)
post /k/reconsideration/new --data-urlencode "_csrf=$CSRF" --data-urlencode "applicant@$T/big.txt"
expect_status 413 "form body over 1 MB"
expect_contains "$BODY" '提交的内容过大'
# Reading that 1 MB field must not cost the server hundreds of MB
# (peak resident memory grows by less than 100 MB).
HWM1=$(hwm)
if [ -n "$HWM0" ] && [ -n "$HWM1" ]; then
  check "a 1 MB form grows the server's peak memory by < 100 MB (was ${HWM0} kB, now ${HWM1} kB)" \
    test $((HWM1 - HWM0)) -lt 102400
fi
req POST /api/v1/k/reconsideration -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "@$T/big.txt"
expect_status 413 "JSON body over 1 MB"
expect_json '.error.code == 413 and (.error.message | startswith("提交的内容过大"))'
# a file sent to a form that takes no upload
post /k/reconsideration/new -F "_csrf=$CSRF" -F "file=@$T/utf8.csv"
expect_status 413 "file upload to a non-import form"
# imports take up to 200 MB: send a (sparse) file just over the limit
truncate -s 210M "$T/huge.csv"
req POST /api/v1/k/reconsideration/import -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' -T "$T/huge.csv"
expect_status 413 "API import over 200 MB"
expect_json '(.error.message | startswith("提交的内容过大"))'
req POST /k/reconsideration/import -F "_csrf=$CSRF" -F "file=@$T/huge.csv"
expect_status 413 "web import over 200 MB"
rm -f "$T/huge.csv"
expect_eq "$(n_recon)" "$((N0+52))" "nothing written by oversized requests"

finish
