#!/bin/sh
# tests/http/212-frame-pages.sh
# The pages measured too wide on a phone (issue 17 §3: /scan, /draw/N,
# /k/enterprise, /k/inspection_plan) and the QR page, in the frame: each
# has the breadcrumb down to the record (its name escaped once, whatever
# it holds), the list it belongs to marked in the menu, its tables and
# forms inside main.content (where the phone rules make a table scroll in
# its own box, a list a card a record, and a form one column); the QR
# page's 打印 button has no inline handler (the CSP refuses one). A
# visitor who scans a code gets the same frame.
. "$(dirname "$0")/lib.sh"
start_server

crumb_html(){ sed -n 's/.*<nav class="crumb" aria-label="当前位置">\(.*\)<\/nav><h1>.*/\1/p' "$BODY" | head -1; }
crumb(){ crumb_html | sed 's/<span class="sep">\/<\/span>/ \/ /g; s/<[^>]*>//g'; }
marked(){ grep -o '<a href="[^"]*" class="on">[^<]*</a>' "$BODY"; }
in_content(){   # in_content TEXT DESC: TEXT comes after <main class="content">
  if tr -d '\n' <"$BODY" | grep -qF -- "$1" && tr -d '\n' <"$BODY" | sed 's/.*<main class="content">//' | grep -qF -- "$1"; then
    pass "$2"; else fail "$2: «$1» is not inside main.content ($LAST_REQ)"; fi
}

login shichang
api_login shichang
NAME='<b>甲&乙"餐馆"</b>'
ESC='&lt;b&gt;甲&amp;乙&quot;餐馆&quot;&lt;/b&gt;'
CODE=91410621FRAME00X12
api POST /api/v1/k/enterprise "{\"credit_code\":\"$CODE\",\"name\":\"<b>甲&乙\\\"餐馆\\\"</b>\",\"etype\":\"企业\",\"industry\":\"餐饮服务\",\"town\":\"城关镇\",\"risk\":\"b\",\"yearly_limit\":2}"
expect_status 201 "an enterprise whose name holds markup"
EID=$(json .id)
expect_eq "$(sql "SELECT name FROM enterprise WHERE id=$EID")" "$NAME" "stored as typed"

as shichang
get /k/enterprise
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 市场主体名录库" "市场主体名录库's breadcrumb"
in_content '<table class="list cardlist"' "the list's table is in main.content"
expect_contains "$BODY" '<td data-l="名称">' "each cell labelled (a card a record on a phone)"

get "/k/enterprise/$EID"
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 市场主体名录库 / $ESC" "the record's breadcrumb, its name escaped once"
expect_not_contains "$BODY" '<b>甲' "no markup from the name"
expect_eq "$(marked)" '<a href="/k/enterprise" class="on">市场主体名录库</a>' "its list marked"

get "/qr/$EID"
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 市场主体名录库 / 扫码入企二维码：$ESC" "the QR page's breadcrumb"
expect_contains "$BODY" '<button type="button" class="btn primary print">打印</button>' "打印 without an inline handler"
expect_not_contains "$BODY" 'onclick' "no inline handler"

get "/scan/$CODE"
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 市场主体名录库 / 扫码入企：$ESC" "the scan page's breadcrumb"
expect_eq "$(marked)" '<a href="/k/enterprise" class="on">市场主体名录库</a>' "市场主体名录库 marked on the scan page"
in_content '<form method="post" action="/scan/' "the logging form is in main.content"
expect_contains "$BODY" '<label for="menu-open" class="menu-btn"' "the scan page has the 菜单 button"

get /k/inspection_plan
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 双随机抽查计划" "双随机抽查计划's breadcrumb"
in_content '<table class="list cardlist"' "the plans' table is in main.content"
PLAN=$(sql "SELECT id FROM inspection_plan ORDER BY id LIMIT 1")
PNAME=$(sql "SELECT title FROM inspection_plan WHERE id=$PLAN")
login admin
get "/draw/$PLAN"
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 双随机抽查计划 / 双随机抽取：$PNAME" "the draw page's breadcrumb"
expect_eq "$(marked)" '<a href="/k/inspection_plan" class="on">双随机抽查计划</a>' "双随机抽查计划 marked on the draw page"
in_content '<table class="' "the draw page's tables are in main.content"

# a visitor who scans the code: the same frame, the public menu
anon
get "/scan/$CODE"
expect_status 200
expect_eq "$(crumb)" "首页 / 涉企检查 / 市场主体名录库 / 扫码入企：$ESC" "the visitor's breadcrumb"
expect_contains "$BODY" '<meta name="viewport" content="width=device-width, initial-scale=1">' "viewport meta for the visitor"
expect_contains "$BODY" '<label for="menu-open" class="menu-btn"' "the visitor's 菜单 button"
expect_contains "$BODY" '执法人员登录后登记检查' "the visitor is asked to log in to log an inspection"
finish
