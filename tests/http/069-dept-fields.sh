#!/bin/sh
# tests/http/069-dept-fields.sh
# Fields naming a department (被评查单位): an older database kept them as
# text; opening it turns names into department ids, and a name no
# department has is kept as it was — shown as written, untouched by an
# edit of another field, and refused only when saved as a unit again.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
if [ -n "${FZ_PG_BASE:-}" ]; then sql "ALTER TABLE file_review ALTER COLUMN unit TYPE TEXT USING CAST(unit AS TEXT)"; fi
FR=$(sql "SELECT min(id) FROM file_review")
FR2=$(sql "SELECT max(id) FROM file_review")
sql "UPDATE file_review SET unit='示范县市场监督管理局' WHERE id=$FR"
sql "UPDATE file_review SET unit='某已撤并单位' WHERE id=$FR2"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$(sql "SELECT CAST(unit AS TEXT) FROM file_review WHERE id=$FR")" "$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")" "a unit's name became its department id"
expect_eq "$(sql "SELECT CAST(unit AS TEXT) FROM file_review WHERE id=$FR2")" "某已撤并单位" "a name that is no department is kept"
api_login admin
api GET "/api/v1/k/file_review/$FR"
expect_json '.fields.unit == '"$(sql "SELECT id FROM dept WHERE name='示范县市场监督管理局'")"' and .labels.unit == "示范县市场监督管理局"' "a unit shown by name"
api GET "/api/v1/k/file_review/$FR2"
expect_json '.fields.unit == "某已撤并单位" and .labels.unit == "某已撤并单位"' "an old name shown as it was, not as department 0"
api PUT "/api/v1/k/file_review/$FR2" '{"score":77}'
expect_status 200 "an edit of another field"
expect_eq "$(sql "SELECT CAST(unit AS TEXT) FROM file_review WHERE id=$FR2")" "某已撤并单位" "keeps the old name"
api PUT "/api/v1/k/file_review/$FR2" '{"unit":"某已撤并单位"}'
expect_status 422 "saving it as a unit again asks for a department"
expect_json '.errors | any(.field == "unit" and (.message | contains("没有部门“某已撤并单位”")))'
finish
