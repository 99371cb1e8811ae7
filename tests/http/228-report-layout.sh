#!/bin/sh
# tests/http/228-report-layout.sh
# The annual report inside the layout (issue 17 §3): /report has the menu
# with its item marked, the breadcrumb, the phone's menu button and the
# downloads of the year shown (下载Word, 下载HTML, 下载xlsx); each download
# answers a file with its Chinese name; the report's figures still link to
# their records. The public copy stays a document of its own, no menu.
. "$(dirname "$0")/lib.sh"
start_server

login admin
get /report
expect_status 200 "/report"
expect_contains "$BODY" '<nav class="menu" id="menu" aria-label="功能菜单">' "the left menu"
expect_contains "$BODY" '<a href="/report" class="on">法治政府建设年度报告</a>' "its menu item marked"
expect_contains "$BODY" '<label for="menu-open" class="menu-btn"' "the phone's menu button"
CRUMB=$(sed -n 's/.*<nav class="crumb" aria-label="当前位置">\(.*\)<\/nav><h1>.*/\1/p' "$BODY" | sed 's/<span class="sep">\/<\/span>/ \/ /g; s/<[^>]*>//g')
expect_eq "$CRUMB" "首页 / 年度报告 / 法治政府建设年度报告" "the breadcrumb"
expect_contains "$BODY" '<a class="btn primary" href="/report.docx?year=2025">下载Word</a>' "下载Word"
expect_contains "$BODY" '<a class="btn" href="/report.html?year=2025">下载HTML</a>' "下载HTML"
expect_contains "$BODY" 'href="/report.xlsx?year=2025"' "下载xlsx"
expect_contains "$BODY" '<article class="gw">' "the report itself"
expect_contains "$BODY" 'href="/k/reconsideration?year=2025&amp;ind=received' "a figure links its records"
[ "$(grep -c '<!DOCTYPE html>' "$BODY")" = 1 ] && pass "one document, not one inside another" || fail "more than one DOCTYPE in /report"

get "/report?year=2024"
expect_contains "$BODY" '<a class="btn primary" href="/report.docx?year=2024">下载Word</a>' "the downloads follow the year shown"
expect_contains "$BODY" '<option value="2024" selected>2024年度</option>' "the year chosen"

get "/report.docx?year=2025"
expect_status 200 "the Word download"
expect_header "^Content-Disposition: attachment; filename=\"report_2025_[0-9]*.docx\"; filename\*=UTF-8''%E7%A4%BA" "named in Chinese"
[ "$(head -c 2 "$BODY")" = "PK" ] && pass "a .docx (zip)" || fail "the Word download is not a zip"
get "/report.html?year=2025"
expect_status 200 "the HTML download"
expect_header '^Content-Type: text/html' "HTML"
expect_header "^Content-Disposition: attachment; filename=\"report_2025_[0-9]*.html\"" "an attachment"
expect_contains "$BODY" '<!DOCTYPE html>' "a document of its own"
expect_not_contains "$BODY" 'class="menu"' "without the system's menu"
expect_contains "$BODY" '<article class="gw">' "the report"
get "/report.xlsx?year=2025"
expect_status 200 "the figures workbook"

login leader
get /report
expect_status 200 "a leader reads it too"
expect_contains "$BODY" '下载Word'

# The public copy: a document of its own, no admin menu.
anon
get /public/report
if [ "$STATUS" = 200 ]; then
  expect_not_contains "$BODY" '功能菜单' "the public report has no admin menu"
  expect_not_contains "$BODY" '下载Word' "…nor the clerks' downloads"
else
  expect_status 404 "the public report (none published yet)"
  expect_not_contains "$BODY" '法治政府建设年度报告</a>' "no admin menu on the public page"
fi
finish
