#!/bin/sh
# tests/http/197-editor-markers.sh
# The report editor without JavaScript (issue 15 §4): the drafter writes a
# figure as its Chinese name in 〔〕, as the picker shows it; saving stores
# the token underneath, the editor shows it again by name with its value,
# and the Word file states the value. A name that names no figure, or a 〔
# without its 〕, is refused in Chinese naming the paragraph, nothing is
# saved, and what she typed comes back. A new paragraph takes markers too.
# FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin

api POST /api/v1/report/drafts '{"year":2025}'
expect_status 201 "draft a version from the data"
V=$(jq -r .id "$BODY")
form(){ python3 "$(dirname "$0")/draft_form.py" "$@"; }
paras(){ api_get "/api/v1/report/v/$V"; jq -c '.paragraphs | map({type, text, key, state})' "$BODY"; }

get "/report/v/$V"
cp "$BODY" "$T/editor.html"
# the picker names the figures as they are to be written
expect_contains "$BODY" '<code class="mk">〔行政复议纠错率〕</code>' "the picker shows the marker of 行政复议纠错率"
STATE=$(grep -o '<code class="mk">〔行政复议（状态：[^〕]*〕</code>' "$BODY" | head -1 | sed 's/<[^>]*>//g')
check "the picker shows a state count of 行政复议 ($STATE)" test -n "$STATE"
api_get "/api/v1/indicators?year=2025"
RATE=$(jq -r '.indicators[] | select(.kind=="reconsideration" and .name=="correction_rate") | "\(.value)%（\(.numerator)/\(.denominator)）"' "$BODY")
check "行政复议纠错率 has a value ($RATE)" test -n "$RATE"

# 1. A marker typed into paragraph 3 (c_2) and into a new paragraph.
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields "c_2=本年行政复议纠错率为〔行政复议纠错率〕，${STATE}件。" "nc_0=新增：〔党委名称〕报告〔报告年度〕年〔待填：（请补充一句）〕。" no_0=3.5)"
expect_status 303 "saved"
paras >"$T/p.json"
expect_json '.paragraphs[2].text | startswith("本年行政复议纠错率为{reconsideration.correction_rate%}，{reconsideration@")' "the marker is stored as its token"
expect_json '.paragraphs[3].text == "新增：{party}报告{year}年{?（请补充一句）}。"' "a new paragraph's markers, a setting, the year and a prompt"
get "/report/v/$V"
expect_contains "$BODY" "本年行政复议纠错率为〔行政复议纠错率〕，${STATE}件。" "the textarea shows it as she wrote it"
expect_contains "$BODY" "<span class=\"nm\">行政复议纠错率</span> <span class=\"val\">$RATE</span>" "the chip gives its value now"
get "/report.docx?year=2025&version=$V"
expect_status 200 "the Word file"
cp "$BODY" "$T/r.docx"
unzip -p "$T/r.docx" word/document.xml | sed 's/<[^>]*>//g' >"$T/doc.txt"
expect_contains "$T/doc.txt" "本年行政复议纠错率为$RATE，" "the Word file states the value"

# 2. An unknown name is refused, naming the paragraph; nothing is saved.
paras >"$T/before.json"
get "/report/v/$V"
cp "$BODY" "$T/editor.html"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields "c_4=复议纠错率为〔行政复议纠错〕。")"
expect_status 422 "an unknown figure name"
expect_contains "$BODY" "第5段：“〔行政复议纠错〕”不是可插入的数字名称" "a Chinese message naming the paragraph and the name"
expect_contains "$BODY" "复议纠错率为〔行政复议纠错〕。</textarea>" "what she typed comes back"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields "c_4=括号〔没有配对")"
expect_status 422 "a 〔 without its 〕"
expect_contains "$BODY" "第5段：“〔没有配对”处的〔没有配对的〕" "named too"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields "c_4=〔行政复议纠错率｜部门编号十二〕")"
expect_status 422 "a group that is no department number"
expect_contains "$BODY" "第5段：“〔行政复议纠错率｜部门编号十二〕”部门编号应为数字"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields "c_4=【依法〔报告年度〕履职】正文")"
expect_status 422 "a figure inside a 【】 heading (it would print as typed)"
expect_contains "$BODY" "第5段：小标题（【】之内）不能插入数字" "named, with the way out"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields -c_4)&x_4=%E3%80%90%E4%BE%9D%E6%B3%95%7Byear%7D%E5%B1%A5%E8%81%8C%E3%80%91%E6%AD%A3%E6%96%87"
expect_status 422 "…and the script's token in a heading"
expect_contains "$BODY" "小标题（【】之内）不能插入数字"
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields "c_4=前〔a一二三四五六七八九十")"
expect_status 422 "an unpaired 〔 before many characters"
check "the message cuts on a whole character" sh -c "! grep -q \"$(printf '\357\277\275')\" '$BODY'"
paras >"$T/after.json"
check "nothing was saved" cmp -s "$T/before.json" "$T/after.json"

# 3. The API still takes and gives tokens; the form's x_ fields (the
# editor's script) too.
req POST "/report/v/$V" --data "_csrf=$CSRF&$(form "$T/editor.html" fields)&x_4=%E5%85%B1%7Breconsideration.received%7D%E4%BB%B6&c_4="
expect_status 303 "x_ with tokens, c_ left out: the script's post"
finish
