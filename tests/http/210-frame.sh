#!/bin/sh
# tests/http/210-frame.sh
# The page frame (issue 17 §3), as curl sees it: every page has the phone
# viewport meta, the 菜单 button (a checkbox and its label, before the
# page, so CSS alone opens the drawer: no inline script, which the CSP
# refuses), the menu (nav#menu) with groups that fold (details/summary)
# and the backdrop that closes the drawer; a breadcrumb 首页 / group /
# page; the page's menu item marked class="on" and only its group open
# (all open on the 工作台). The stylesheet has the phone rules.
. "$(dirname "$0")/lib.sh"
start_server

# crumb: the breadcrumb of the last page as text, parts joined by " / ".
crumb(){ sed -n 's/.*<nav class="crumb" aria-label="当前位置">\(.*\)<\/nav><h1>.*/\1/p' "$BODY" | head -1 \
         | sed 's/<span class="sep">\/<\/span>/ \/ /g; s/<[^>]*>//g'; }
# open_groups / all_groups: the menu's groups, open ones and all, one a line.
open_groups(){ grep -o '<details open class="group"><summary>[^<]*' "$BODY" | sed 's/.*<summary>//'; }
all_groups(){ grep -o '<details[^>]*class="group"><summary>[^<]*' "$BODY" | sed 's/.*<summary>//'; }
marked(){ grep -o '<a href="[^"]*" class="on">[^<]*</a>' "$BODY"; }
frame(){   # frame DESC: what every page of the frame has
  expect_contains "$BODY" '<meta name="viewport" content="width=device-width, initial-scale=1">' "$1: viewport meta"
  expect_contains "$BODY" '<input type="checkbox" id="menu-open" class="menu-toggle"' "$1: the drawer's checkbox"
  expect_contains "$BODY" '<label for="menu-open" class="menu-btn"' "$1: the 菜单 button"
  expect_contains "$BODY" '<nav class="menu" id="menu" aria-label="功能菜单">' "$1: the menu"
  expect_contains "$BODY" '<label for="menu-open" class="backdrop"' "$1: the backdrop"
  expect_not_contains "$BODY" 'onclick=' "$1: no inline handler"
  expect_eq "$(grep -c '<nav class="crumb"' "$BODY")" 1 "$1: one breadcrumb"
  # the checkbox comes before the top bar and the frame (CSS ~ reaches them)
  expect_eq "$(tr -d '\n' <"$BODY" | grep -c 'id="menu-open"[^>]*>[[:space:]]*<header class="top">')" 1 "$1: checkbox right before the top bar"
}

login admin
get /
expect_status 200
frame 工作台
expect_eq "$(crumb)" "首页" "the 工作台's breadcrumb"
expect_eq "$(marked)" '<a href="/" class="on">工作台</a>' "工作台 is marked"
expect_eq "$(open_groups | wc -l)" "$(all_groups | wc -l)" "every group open on the 工作台"
expect_ne "$(all_groups | wc -l | tr -d ' ')" 0 "the menu has groups"

get /k/reconsideration
expect_status 200
frame 行政复议
expect_eq "$(crumb)" "首页 / 矛盾纠纷化解 / 行政复议" "the list's breadcrumb"
expect_eq "$(marked)" '<a href="/k/reconsideration" class="on">行政复议</a>' "行政复议 is marked"
expect_eq "$(open_groups)" "矛盾纠纷化解" "only its group is open"
expect_contains "$BODY" '<a href="/">首页</a>' "首页 links home"
expect_contains "$BODY" '<span class="sep">/</span><span aria-current="page">行政复议</span></nav>' "the list is the current page, not a link"

ID=$(sql "SELECT id FROM reconsideration ORDER BY id LIMIT 1")
NO=$(sql "SELECT case_no FROM reconsideration WHERE id=$ID")
get "/k/reconsideration/$ID"
expect_status 200
frame "a 行政复议 record"
expect_eq "$(crumb)" "首页 / 矛盾纠纷化解 / 行政复议 / $NO" "a record's breadcrumb: the list, then its 案号"
expect_contains "$BODY" '<span class="sep">/</span><a href="/k/reconsideration">行政复议</a>' "the breadcrumb links back to the list"
expect_eq "$(marked)" '<a href="/k/reconsideration" class="on">行政复议</a>' "its list is marked"

get /k/reconsideration/new
expect_eq "$(crumb)" "首页 / 矛盾纠纷化解 / 行政复议 / 新增行政复议" "the add form's breadcrumb"

get /admin/users
frame 用户管理
expect_eq "$(crumb)" "首页 / 系统管理 / 用户管理" "an admin page's breadcrumb"
expect_eq "$(open_groups)" "系统管理" "only 系统管理 open"

get /report/drafts
expect_eq "$(crumb | cut -d/ -f1-3 | sed 's/ *$//')" "首页 / 年度报告 / 报告起草与版本" "the drafts' breadcrumb"

get /account
frame 个人中心
expect_eq "$(crumb)" "首页 / 个人中心：修改密码" "a page outside the menu: 首页 / its title"
expect_eq "$(marked)" "" "nothing marked"
expect_eq "$(open_groups | wc -l)" "$(all_groups | wc -l)" "every group open when nothing is marked"

# a visitor: the login page and the public menu in the same frame
anon
get /login
expect_status 200
frame 登录
expect_eq "$(crumb)" "首页 / 登录" "the login page's breadcrumb"

# the stylesheet: the drawer below 768 px, the desktop fold, sticky menu, names that do not wrap
get /static/app.css
expect_status 200
for s in '@media (max-width:767px){' '.menu-toggle:checked~.frame .menu{display:block;transform:none;visibility:visible}' \
         '.menu-toggle:checked~.frame .menu{display:none}' 'position:sticky;top:50px' \
         '.top .brand{color:#fff;font-size:17px;font-weight:600;flex:1 1 auto;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' \
         'form.record{grid-template-columns:minmax(0,1fr)' '.content table:not(.month){display:block;max-width:100%;overflow-x:auto}'; do
  expect_contains "$BODY" "$s" "app.css"
done
get /static/app.js
expect_contains "$BODY" "contains('print')" "打印 buttons work through app.js"
finish
