#!/bin/sh
# tests/http/196-editor-chinese.sh
# The report editor speaks Chinese (issue 15 §4), as a browser without
# JavaScript uses it: the page shows no {…} token in its text or in any
# field shown to the drafter (figures are 〔名称〕 markers in the textareas
# and named chips beside them, prompts yellow placeholders, the picker
# lists every kind's figures by chapter); the form posted back as it came
# keeps every paragraph byte for byte; a paragraph with a 〔名称〕 marker
# typed in stores the right token and the Word file states its value; an
# unknown name is refused in Chinese naming the paragraph, and nothing is
# saved. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "draft a version from the data"
V=$(jq -r .id "$BODY")
expect_json 'any(.paragraphs[]; .text | contains("{reconsideration.received}"))' "the API still speaks tokens"

# The form as a browser without JavaScript posts it, and the text a reader
# sees (tests/http/draft_form.py).
form(){ python3 "$(dirname "$0")/draft_form.py" "$@"; }

# 1. No token on the page: not in its text, not in a field shown to her.
get "/report/v/$V"
expect_status 200 "the editor"
cp "$BODY" "$T/editor.html"
form "$T/editor.html" visible >"$T/visible.txt"
check "no { in the page's text or shown fields" sh -c "! grep -q '[{}]' '$T/visible.txt'"
grep -o '[^ ]\{0,20\}[{}][^ ]\{0,20\}' "$T/visible.txt" | head -3 | while read -r l; do note "seen: $l"; done
expect_contains "$BODY" '<textarea name="c_2"' "paragraphs are textareas of Chinese text"
expect_contains "$T/visible.txt" "〔行政复议" "figures are named in 〔〕 in the textareas"
expect_contains "$BODY" 'class="prompt"' "prompts are placeholders"
expect_contains "$T/visible.txt" "〔待填：" "and 〔待填：…〕 in the textarea"
expect_contains "$BODY" 'class="fig"' "figures are chips"
expect_contains "$BODY" '<span class="nm">行政复议纠错率</span> <span class="val">' "a chip names the figure in Chinese with its value"
expect_contains "$BODY" '<h3>依法有效化解矛盾纠纷</h3>' "the picker groups by chapter"
expect_contains "$BODY" '<li class="pick-kind">行政复议</li>' "and by kind"
expect_contains "$BODY" '<code class="mk">〔行政复议（状态：' "state counts are in the picker"
expect_contains "$BODY" 'class="edbar"' "保存 and 冻结 in the sticky bar"
expect_contains "$BODY" '<script src="/static/editor.js" defer></script>' "the editor's script, a static file"
get /static/editor.js
expect_status 200 "the script is served"
expect_header "Content-Type" "text/javascript"

# 2. Saved as it came: every paragraph byte for byte.
paras(){ api_get "/api/v1/report/v/$V"; jq -c '.paragraphs | map({type, text, key, state})' "$BODY"; }
paras >"$T/before.json"
sql "SELECT pos, btype, pkey, pstate, tpl FROM report_para WHERE version_id=$V ORDER BY pos" >"$T/before.sql"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields)"
expect_status 303 "the page's form posted back unchanged"
expect_contains "$HDRS" "msg=saved"
paras >"$T/after.json"
sql "SELECT pos, btype, pkey, pstate, tpl FROM report_para WHERE version_id=$V ORDER BY pos" >"$T/after.sql"
check "every paragraph is byte for byte what it was (API)" cmp -s "$T/before.json" "$T/after.json"
check "and in the table" cmp -s "$T/before.sql" "$T/after.sql"
check "a whole report of paragraphs" test "$(jq length "$T/before.json")" -gt 20

# Literal brackets and braces, a 文号 and a backslash come back as written
# too (the markers' escapes), and so does a point of a department's group.
ODD='依据浚政〔2024〕3号，“〔”与“〕”、{{大括号}}、反斜杠\和【】照写；共{reconsideration.received}件。'
jq -c --arg t "$ODD" '{paragraphs: (.[2].text = $t)}' "$T/before.json" >"$T/odd.json"
api PUT "/api/v1/report/v/$V" "$(cat "$T/odd.json")"
expect_status 200 "a paragraph of brackets, braces and a backslash (API)"
paras >"$T/before.json"
get "/report/v/$V"
cp "$BODY" "$T/editor.html"
form "$T/editor.html" visible >"$T/visible.txt"
expect_contains "$T/visible.txt" '依据浚政〔2024〕3号，“〔〔”与“〕”、{大括号}、反斜杠\和【】照写；共〔行政复议收到复议申请〕件。' "written with 〔〔 and its figure named"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields)"
expect_status 303 "posted back unchanged"
paras >"$T/after.json"
check "byte for byte again" cmp -s "$T/before.json" "$T/after.json"

finish
