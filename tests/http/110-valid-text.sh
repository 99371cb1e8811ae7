#!/bin/sh
# tests/http/110-valid-text.sh
# Only valid text goes in (issue 13, §2). Each bad form — a surrogate
# (ED A0 80), an overlong form (C0 AF), a code point above U+10FFFF
# (F4 90 80 80), the noncharacter U+FFFE (EF BF BE), a control character
# (01), and in JSON a \u0000 or a lone "\ud800" — is refused on every path
# (the form, API create and update, CSV and xlsx import on the web, the API
# and the command line, command-line values) with a Chinese message naming
# the field (and row), and nothing is written: the records and the audit
# log are counted before and after. JSON values must have their field's
# type (true is no integer, reference or department). Then every export is
# opened strictly (JSON parsed from strict UTF-8, xlsx XML parsed and read
# back by fazhi's own reader, CSV decoded), also after bad bytes were put
# into the database behind fazhi's back, as an older version may have
# stored them; so are that record's pages. Report paragraphs and a
# baseline report are checked the same way.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

SUR=$(printf '\355\240\200')        # U+D800 as UTF-8 would encode it
OVL=$(printf '\300\257')            # "/" in two bytes
BIG=$(printf '\364\220\200\200')    # U+110000
NON=$(printf '\357\277\276')        # U+FFFE
CTL=$(printf '\001')
# what each is called in the message (after "含有")
msg(){
  case $1 in
    SUR) echo '无效字符（第2个字起的字节 ED A0 80 是代理码位U+D800，不是有效的UTF-8编码）' ;;
    OVL) echo '无效字符（第2个字起的字节 C0 AF 是超长编码，不是有效的UTF-8编码）' ;;
    BIG) echo '无效字符（第2个字起的字节 F4 90 80 80 超出Unicode范围，不是有效的UTF-8编码）' ;;
    NON) echo '无效字符（第2个字U+FFFE是Unicode非字符）' ;;
    CTL) echo '不可见的控制字符（第2个字是U+0001）' ;;
  esac
}
val(){ eval "echo \"\$$1\""; }

# A valid case to edit, made before counting.
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕UTF-0号","applicant":"张某","respondent":"示范县公安局","matter":"penalty","received":"2026-06-01","procedure":"ordinary"}'
expect_status 201 "a valid case"
RID=$(json .id)
PLAN_INSP=$(sql "SELECT id FROM inspection WHERE plan_id IS NOT NULL ORDER BY id LIMIT 1")
PLAN0=$(sql "SELECT plan_id FROM inspection WHERE id=$PLAN_INSP")
ITEM=$(sql "SELECT id FROM service_item ORDER BY id LIMIT 1")
FR=$(sql "SELECT id FROM file_review ORDER BY id LIMIT 1")

state(){ echo "$(sql 'SELECT count(*) FROM reconsideration')/$(sql 'SELECT count(*) FROM dept')/$(sql 'SELECT count(*) FROM users')/$(sql 'SELECT count(*) FROM audit')"; }
S0=$(state)
unchanged(){ expect_eq "$(state)" "$S0" "records, departments, users and audit entries unchanged ($1)"; }
row_of(){ sql "SELECT applicant || '|' || respondent || '|' || COALESCE(note, '') FROM reconsideration WHERE id=$RID"; }
ROW0=$(row_of)

# 1. The web form, new and edit.
for b in SUR OVL BIG NON CTL; do
  v=$(val $b)
  post_form /k/reconsideration/new "case_no=示复〔2026〕UTF-F$b号" "applicant=张${v}某" respondent=示范县公安局 \
    matter=penalty received=2026-06-01 procedure=ordinary
  expect_status 422 "form: $b in 申请人"
  expect_contains "$BODY" "<div class=\"err\" id=\"e-applicant\">含有$(msg $b)</div>" "form $b"
  post_form "/k/reconsideration/$RID/edit" "case_no=示复〔2026〕UTF-0号" applicant=张某 respondent=示范县公安局 \
    matter=penalty received=2026-06-01 procedure=ordinary "note=备注${v}。"
  expect_status 422 "form edit: $b in 备注"
  expect_contains "$BODY" "<div class=\"err\" id=\"e-note\">含有$(msg $b | sed 's/第2个字/第3个字/')</div>" "form edit $b"
done
# long text keeps tab and line feed; a lone CR is refused; one-line text takes neither
post_form "/k/reconsideration/$RID/edit" "case_no=示复〔2026〕UTF-0号" applicant=张某 respondent=示范县公安局 \
  matter=penalty received=2026-06-01 procedure=ordinary "note=$(printf '一\r二')"
expect_status 422 "form edit: a lone CR in 备注"
expect_contains "$BODY" '<div class="err" id="e-note">含有回车符（第2个字是U+000D）</div>'
post_form "/k/reconsideration/$RID/edit" "case_no=示复〔2026〕UTF-0号" "applicant=$(printf '张\n某')" respondent=示范县公安局 \
  matter=penalty received=2026-06-01 procedure=ordinary
expect_status 422 "form edit: a line break in 申请人"
expect_contains "$BODY" '<div class="err" id="e-applicant">含有换行符（第2个字是U+000A），此项只能填一行</div>'
# a NUL byte (%00) in a form value would cut it there: refused, naming the field
req POST "/k/reconsideration/$RID/edit" --data-urlencode "_csrf=$CSRF" --data-urlencode "case_no=示复〔2026〕UTF-0号" \
  --data 'applicant=%E5%BC%A0%00%E6%9F%90' --data-urlencode respondent=示范县公安局 \
  --data-urlencode matter=penalty --data-urlencode received=2026-06-01 --data-urlencode procedure=ordinary
expect_status 422 "form edit: %00 in 申请人"
expect_contains "$BODY" '“申请人”含有空字符' "…naming the field"
unchanged "the form"
expect_eq "$(row_of)" "$ROW0" "the case as it was"

# 2. The API: create and update.
for b in SUR OVL BIG NON CTL; do
  v=$(val $b)
  api POST /api/v1/k/reconsideration "{\"case_no\":\"示复〔2026〕UTF-J$b号\",\"applicant\":\"张${v}某\",\"respondent\":\"示范县公安局\",\"matter\":\"penalty\",\"received\":\"2026-06-01\",\"procedure\":\"ordinary\"}"
  expect_status 422 "API create: $b in 申请人"
  expect_json ".errors | any(.field == \"applicant\" and .label == \"申请人\" and .message == \"「申请人」：含有$(msg $b)\")" "API create $b"
  api PUT "/api/v1/k/reconsideration/$RID" "{\"respondent\":\"示${v}范县公安局\"}"
  expect_status 422 "API update: $b in 被申请人"
  expect_json '.errors | any(.field == "respondent")' "API update $b"
  api PUT "/api/v1/k/reconsideration/$RID" "{\"fields\":{\"备注\":\"备注${v}\"}}"
  expect_status 422 "API update by label: $b in 备注"
  expect_json '.errors | any(.field == "note" and .label == "备注")' "API update by label $b"
done
# \u0000 once cut the value silently ("2026-06-01\u0000x" was stored as a date)
api POST /api/v1/k/reconsideration '{"case_no":"示复〔2026〕UTF-N号","applicant":"张某","respondent":"示范县公安局","matter":"penalty","received":"2026-06-01\u0000x","procedure":"ordinary"}'
expect_status 422 "API: \\u0000 in a date"
expect_json '.errors | any(.field == "received" and (.message | startswith("「收到申请日期」：含有空字符（第11个字是转义\\u0000")))'
api PUT "/api/v1/k/reconsideration/$RID" '{"note":"a\u0000b"}'
expect_status 422 "API update: \\u0000 in 备注"
expect_json '.errors | any(.field == "note")'
for e in '\ud800' '\uDFFF' '\ud800\u0041'; do
  api PUT "/api/v1/k/reconsideration/$RID" "{\"applicant\":\"张$e\"}"
  expect_status 422 "API update: lone surrogate $e"
  expect_json '.errors | any(.field == "applicant" and (.message | contains("单独的代理码位")))' "lone surrogate $e"
done
api PUT "/api/v1/k/reconsideration/$RID" '{"applicant":"\ud83d\ude00张"}'
expect_status 200 "a surrogate pair is a character (U+1F600)"
api PUT "/api/v1/k/reconsideration/$RID" '{"applicant":"张某"}'
expect_status 200 "put back"
S0=$(state)
# JSON types
api PUT "/api/v1/k/reconsideration/$RID" '{"applicant":123}'
expect_status 422 "a number for a text field"
expect_json '.errors | any(.field == "applicant" and .message == "「申请人」：应为文本，收到的是数字")'
api PUT "/api/v1/k/reconsideration/$RID" '{"received":20260601}'
expect_status 422 "a number for a date"
expect_json '.errors | any(.field == "received" and (.message | startswith("「收到申请日期」：应为文本（日期")))'
api PUT "/api/v1/k/reconsideration/$RID" '{"matter":true}'
expect_status 422 "a boolean for a choice"
expect_json '.errors | any(.field == "matter")'
api PUT "/api/v1/k/reconsideration/$RID" '{"extended":1}'
expect_status 422 "1 for a yes/no field"
expect_json '.errors | any(.field == "extended" and .message == "「经批准延长审理期限」：应为布尔值true或false，收到的是数字")'
api PUT "/api/v1/k/reconsideration/$RID" '{"extended":"是"}'
expect_status 422 "a string for a yes/no field"
api PUT "/api/v1/k/service_item/$ITEM" '{"max_visits":true}'
expect_status 422 "true for an integer"
expect_json '.errors | any(.field == "max_visits" and .message == "「最多跑动次数」：应为整数（数字），收到的是布尔值true")'
api PUT "/api/v1/k/service_item/$ITEM" '{"max_visits":1.5}'
expect_status 422 "a fraction for an integer"
expect_json '.errors | any(.field == "max_visits" and .message == "「最多跑动次数」：应为整数，收到的是1.5")'
api PUT "/api/v1/k/service_item/$ITEM" '{"max_visits":"2"}'
expect_status 422 "a string for an integer"
api PUT "/api/v1/k/inspection/$PLAN_INSP" '{"plan_id":true}'
expect_status 422 "true for a reference (once: plan 1)"
expect_json '.errors | any(.field == "plan_id" and (.message | contains("收到的是布尔值true")))'
expect_eq "$(sql "SELECT plan_id FROM inspection WHERE id=$PLAN_INSP")" "$PLAN0" "the inspection keeps its plan"
api PUT "/api/v1/k/file_review/$FR" '{"unit":true}'
expect_status 422 "true for a department field"
expect_json '.errors | any(.field == "unit")'
api PUT "/api/v1/k/file_review/$FR" '{"dept_id":true}'
expect_status 422 "true for the department"
expect_json '.errors | any(.field == "dept_id")'
api PUT "/api/v1/k/file_review/$FR" '{"所属部门":1.5}'
expect_status 422 "a fraction for the department"
unchanged "the API"
expect_eq "$(row_of)" "$ROW0" "the case as it was"

# 3. Import: CSV (UTF-8 with BOM; GB18030), xlsx; web upload, API and the command line.
# Bytes that are not UTF-8 are named by the CSV reader (its tables hold
# only UTF-8), the rest by the field check: the same words either way.
HEAD='案号,所属部门,申请人,被申请人,案件类别,收到申请日期,审理程序'
csv_with(){   # csv_with BYTES: row 2 valid, row 3 with BYTES in 申请人
  printf '\357\273\277%s\r\n' "$HEAD"
  printf '示复〔2026〕UTF-C1号,示范县司法局,王某,示范县公安局,行政处罚,2026-06-01,普通程序\r\n'
  printf '示复〔2026〕UTF-C2号,示范县司法局,张%s某,示范县公安局,行政处罚,2026-06-01,普通程序\r\n' "$1"
}
for b in SUR OVL BIG NON CTL; do
  csv_with "$(val $b)" >"$T/bad-$b.csv"
  post_file /k/reconsideration/import "$T/bad-$b.csv"
  expect_status 422 "web CSV import: $b on row 3"
  expect_contains "$BODY" "第3行「申请人」：含有$(msg $b)" "web CSV $b"
  req POST /api/v1/k/reconsideration/import -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$T/bad-$b.csv"
  expect_status 422 "API CSV import: $b"
  expect_json ".errors | any(.message == \"第3行「申请人」：含有$(msg $b)\")" "API CSV $b"
done
"$FAZHI" import --db "$DB" reconsideration "$T/bad-SUR.csv" >"$T/cli.out" 2>&1
expect_ne "$?" 0 "command-line import of a bad row fails"
expect_contains "$T/cli.out" "第3行「申请人」：含有$(msg SUR)"
# GB18030 has control characters too: checked after conversion
csv_with "$CTL" | sed '1s/^\xef\xbb\xbf//' | iconv -f UTF-8 -t GB18030 >"$T/bad-gb.csv"
check "the GB18030 file is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$T/bad-gb.csv' >/dev/null 2>&1"
post_file /k/reconsideration/import "$T/bad-gb.csv"
expect_status 422 "GB18030 CSV import with a control character"
expect_contains "$BODY" "第3行「申请人」：含有$(msg CTL)"
# xlsx: Excel writes a control character as _x0001_; U+FFFE as _xFFFE_ or raw
mk_xlsx(){   # mk_xlsx FILE TEXT: a sheet with the header and two rows, TEXT (XML) in row 3's 申请人
  python3 - "$1" "$2" "$HEAD" <<'EOF'
import sys, zipfile
out, bad, head = sys.argv[1], sys.argv[2].encode('utf-8', 'surrogateescape'), sys.argv[3]
rows = [head.split(','),
        ['示复〔2026〕UTF-X1号', '示范县司法局', '王某', '示范县公安局', '行政处罚', '2026-06-01', '普通程序'],
        ['示复〔2026〕UTF-X2号', '示范县司法局', None, '示范县公安局', '行政处罚', '2026-06-01', '普通程序']]
def cell(r, c, v):
    ref = 'ABCDEFG'[c] + str(r)
    t = bad if v is None else v.replace('&', '&amp;').replace('<', '&lt;').encode('utf-8')
    return b'<c r="' + ref.encode() + b'" t="inlineStr"><is><t>' + t + b'</t></is></c>'
sheet = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
for i, row in enumerate(rows):
    sheet += b'<row r="%d">' % (i+1) + b''.join(cell(i+1, c, v) for c, v in enumerate(row)) + b'</row>'
sheet += b'</sheetData></worksheet>'
z = zipfile.ZipFile(out, 'w')
z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr('xl/worksheets/sheet1.xml', sheet)
z.close()
EOF
}
mk_xlsx "$T/ok.xlsx" '张某'
mk_xlsx "$T/ctl.xlsx" '张_x0001_某'
mk_xlsx "$T/non.xlsx" '张_xFFFE_某'
mk_xlsx "$T/sur.xlsx" "张${SUR}某"
post_file /k/reconsideration/import "$T/ctl.xlsx"
expect_status 422 "xlsx import: _x0001_ on row 3"
expect_contains "$BODY" "第3行「申请人」：含有$(msg CTL)"
req POST /api/v1/k/reconsideration/import -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary "@$T/non.xlsx"
expect_status 422 "API xlsx import: _xFFFE_ on row 3"
expect_json ".errors | any(.row == 3 and .field == \"applicant\" and .message == \"第3行「申请人」：含有$(msg NON)\")"
post_file /k/reconsideration/import "$T/sur.xlsx"
expect_status 422 "xlsx import: raw ED A0 80 (the XML itself is ill-formed)"
mk_xlsx "$T/nul.xlsx" '张_x0000_某'
post_file /k/reconsideration/import "$T/nul.xlsx"
expect_status 422 "xlsx import: _x0000_ on row 3 (not dropped silently)"
expect_contains "$BODY" "第3行「申请人」：含有空字符（第2个字是U+0000，表格中写作_x0000_）"
"$FAZHI" import --db "$DB" reconsideration "$T/ctl.xlsx" >"$T/cli.out" 2>&1
expect_ne "$?" 0 "command-line xlsx import of a bad row fails"
expect_contains "$T/cli.out" "第3行「申请人」：含有$(msg CTL)"
unchanged "imports"

# 4. Command-line values.
G0=$(sql "SELECT COALESCE(MAX(value), '') FROM setting WHERE name='county_gov'")
for b in SUR OVL BIG NON CTL; do
  v=$(val $b)
  "$FAZHI" setting --db "$DB" county_gov "示${v}范县人民政府" >"$T/cli.out" 2>&1
  expect_eq "$?" 2 "setting: $b refused"
  expect_contains "$T/cli.out" "范县人民政府”含有$(msg $b)，命令未执行" "setting $b"
  "$FAZHI" dept --db "$DB" add "测${v}试局" >"$T/cli.out" 2>&1
  expect_eq "$?" 2 "dept add: $b refused"
  "$FAZHI" user --db "$DB" add "u$b" "王${v}某" clerk 示范县司法局 >"$T/cli.out" 2>&1
  expect_eq "$?" 2 "user add: $b refused"
  expect_contains "$T/cli.out" "某”含有$(msg $b)" "user add $b names the argument"
done
"$FAZHI" setting --db "$DB" county_gov "$(printf '示范县\t人民政府')" >"$T/cli.out" 2>&1
expect_eq "$?" 2 "a setting with a tab"
expect_contains "$T/cli.out" "含有制表符（第4个字是U+0009）"
"$FAZHI" dept --db "$DB" add 测试局 --parent "$(printf '示范县\001')" >"$T/cli.out" 2>&1
expect_contains "$T/cli.out" "--parent 的值“示范县"
expect_contains "$T/cli.out" "”含有不可见的控制字符（第4个字是U+0001），命令未执行"
# last year's report as the baseline: its sentences are kept, so the same check
printf '2025年，全县共收到行政复议申请270件，已办结214件。\001\n' >"$T/report.txt"
"$FAZHI" baseline --db "$DB" --year 2025 "$T/report.txt" >"$T/cli.out" 2>&1
expect_ne "$?" 0 "a baseline report with a control character"
expect_contains "$T/cli.out" "报告全文含有不可见的控制字符（第"
expect_eq "$(sql "SELECT COALESCE(MAX(value), '') FROM setting WHERE name='county_gov'")" "$G0" "the setting as it was"
unchanged "the command line"

# 5. Every export is valid: JSON strictly, xlsx XML parsed, CSV decoded.
strict_json(){ python3 -c 'import json,sys; json.loads(open(sys.argv[1],"rb").read().decode("utf-8"))' "$1" 2>"$T/py.err"; }
strict_utf8(){ python3 -c 'import sys; open(sys.argv[1],"rb").read().decode("utf-8")' "$1" 2>"$T/py.err"; }
xlsx_ok(){   # every XML part parses (expat refuses bad UTF-8, U+FFFE, controls)
  python3 - "$1" 2>"$T/py.err" <<'EOF'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        xml.dom.minidom.parseString(z.read(n))
EOF
}
exports_valid(){   # exports_valid WHEN
  api GET "/api/v1/k/reconsideration?year=all&size=200"
  expect_status 200 "JSON list ($1)"
  cp "$BODY" "$T/list.json"
  check "the JSON list parses strictly ($1)" strict_json "$T/list.json" || sed 's/^/     | /' "$T/py.err"
  api GET "/api/v1/k/reconsideration/$RID"
  cp "$BODY" "$T/one.json"
  check "the JSON record parses strictly ($1)" strict_json "$T/one.json" || sed 's/^/     | /' "$T/py.err"
  get "/k/reconsideration/export.xlsx" -G --data-urlencode year=all
  expect_status 200 "web export.xlsx ($1)"
  cp "$BODY" "$T/web.xlsx"
  check "the web export.xlsx is well-formed ($1)" xlsx_ok "$T/web.xlsx" || sed 's/^/     | /' "$T/py.err"
  for f in json csv xlsx; do
    rm -f "$T/cli.$f"
    "$FAZHI" export --db "$DB" reconsideration --format $f -o "$T/cli.$f" >"$T/cli.out" 2>&1
    expect_eq "$?" 0 "command-line export $f ($1)"
  done
  check "the command-line JSON export parses strictly ($1)" strict_json "$T/cli.json" || sed 's/^/     | /' "$T/py.err"
  check "the command-line CSV export is UTF-8 ($1)" strict_utf8 "$T/cli.csv" || sed 's/^/     | /' "$T/py.err"
  check "the command-line xlsx export is well-formed ($1)" xlsx_ok "$T/cli.xlsx" || sed 's/^/     | /' "$T/py.err"
  # the project's own reader takes the xlsx back: into a copy of the
  # database emptied of 复议 cases, every exported case is imported again
  if [ -z "${FZ_PG_BASE:-}" ]; then
    _n=$(sql "SELECT count(*) FROM reconsideration")
    _copy=$(db_copy "back$2")
    sql_on "$_copy" "DELETE FROM reconsideration"
    "$FAZHI" import --db "$_copy" reconsideration "$T/cli.xlsx" >"$T/back.out" 2>&1
    expect_eq "$?" 0 "the xlsx export imported again ($1)" || sed 's/^/     | /' "$T/back.out" | head -5
    expect_contains "$T/back.out" "导入成功：行政复议 ${_n}条"
  fi
}
exports_valid "after the refusals" 1

# Values stored before this check existed (an older database): put there
# behind fazhi's back. PostgreSQL never stores bytes that are not UTF-8,
# but takes U+FFFE and controls.
if [ -n "${FZ_PG_BASE:-}" ]; then
  sql "UPDATE reconsideration SET respondent='示范县' || chr(65534) || chr(1) || '公安局', note='a' || chr(65535) || 'b' WHERE id=$RID"
else
  sql "UPDATE reconsideration SET applicant=CAST(X'E5BCA0EDA080E69F90' AS TEXT), respondent='示范县' || char(65534) || char(1) || '公安局', note=CAST(X'61C0AF62F490808063FF64' AS TEXT) WHERE id=$RID"
  expect_eq "$(sql "SELECT hex(applicant) FROM reconsideration WHERE id=$RID")" "E5BCA0EDA080E69F90" "the bad bytes are stored"
fi
exports_valid "after bad values were stored behind fazhi's back" 2
page_ok(){   # UTF-8, and no control character (but tab, LF, CR) or U+FFFE/U+FFFF
  python3 - "$1" 2>"$T/py.err" <<'EOF'
import sys
t = open(sys.argv[1], 'rb').read().decode('utf-8')
bad = [c for c in t if (ord(c) < 32 and c not in '\t\n\r') or c in '\ufffe\uffff']
assert not bad, repr(bad[:5])
EOF
}
for page in "/k/reconsideration/$RID" "/k/reconsideration/$RID/edit" "/k/reconsideration?year=all&size=200"; do
  get "$page"
  cp "$BODY" "$T/page.html"
  check "$page is UTF-8 without controls or U+FFFE" page_ok "$T/page.html" || sed 's/^/     | /' "$T/py.err"
done
if [ -z "${FZ_PG_BASE:-}" ]; then
  api GET "/api/v1/k/reconsideration/$RID"
  expect_json '.fields.applicant == "张\ufffd某" and .fields.note == "a\ufffdb\ufffdc\ufffdd"' "bad bytes shown as U+FFFD"
fi

# A report's paragraphs (the API and the web editor share draft_save).
api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "a report version to edit"
V1=$(json .id)
P0=$(sql "SELECT count(*) || '/' || COALESCE(sum(length(tpl)), 0) FROM report_para WHERE version_id=$V1")
A0=$(sql "SELECT count(*) FROM audit")
for b in SUR OVL BIG NON CTL; do
  api PUT "/api/v1/report/v/$V1" "{\"paragraphs\":[{\"type\":\"p\",\"text\":\"一$(val $b)二\"}]}"
  expect_status 422 "report paragraph: $b"
  if [ $b = CTL ]; then
    expect_json '.errors | any(.message | contains("第1段：含有换行等控制字符"))'
  else
    expect_json ".errors | any(.message == \"第1段：含有$(msg $b)\")" "report paragraph $b"
  fi
done
api PUT "/api/v1/report/v/$V1" '{"paragraphs":[{"type":"p","text":"一\ud800二"}]}'
expect_status 422 "report paragraph: a lone surrogate escape"
expect_json '.errors | any(.message | contains("单独的代理码位"))'
for b in SUR OVL NON CTL; do
  api PUT "/api/v1/report/v/$V1" "{\"paragraphs\":[{\"type\":\"p\",\"text\":\"一二\",\"key\":\"k$(val $b)\"}]}"
  expect_status 422 "report paragraph key: $b"
  expect_json '.errors | any(.message | contains("第1段：段落标识（key）含有"))' "report paragraph key $b: named"
done
api PUT "/api/v1/report/v/$V1" '{"paragraphs":[{"type":"p","text":"一二","key":"a\nb"}]}'
expect_status 422 "report paragraph key: a line break"
expect_eq "$(sql "SELECT count(*) || '/' || COALESCE(sum(length(tpl)), 0) FROM report_para WHERE version_id=$V1")" "$P0" "the paragraphs as they were"
expect_eq "$(sql "SELECT count(*) FROM audit")" "$A0" "no audit entry"

# 6. What is valid still goes in: CR LF in long text is stored as LF; null empties an optional field.
post_form "/k/reconsideration/$RID/edit" "case_no=示复〔2026〕UTF-0号" applicant=张某 respondent=示范县公安局 \
  matter=penalty received=2026-06-01 procedure=ordinary "note=$(printf '第一行\r\n第二行\t完')"
expect_status 303 "long text with CR LF and a tab"
expect_eq "$(sql "SELECT length(note) FROM reconsideration WHERE id=$RID")" 9 "CR LF stored as LF"
api PUT "/api/v1/k/reconsideration/$RID" '{"note":null,"extended":true}'
expect_status 200 "null empties an optional field; true for yes/no"
expect_json '.fields.note == null and .fields.extended == true'
finish
