#!/bin/sh
# tests/http/211-menu-roles.sh
# Every page of every role's menu (the county admin, a leader, three
# department clerks and a visitor) opens in the frame (issue 17 §3): 200,
# the viewport meta, the 菜单 button, one breadcrumb from 首页 ending with
# the item's group and name, the item itself marked (the only one marked)
# and its group the only one open. The annual report (/report,
# /public/report) is an A4 document of its own, outside the frame.
. "$(dirname "$0")/lib.sh"
start_server

menu_hrefs(){ tr -d '\n' <"$BODY" | sed -n 's/.*<nav class="menu" id="menu" aria-label="功能菜单">\(.*\)<\/nav>.*<main.*/\1/p' \
              | grep -o '<a href="[^"]*"' | sed 's/<a href="//; s/"$//'; }
crumb(){ sed -n 's/.*<nav class="crumb" aria-label="当前位置">\(.*\)<\/nav><h1>.*/\1/p' "$BODY" | head -1 \
         | sed 's/<span class="sep">\/<\/span>/ \/ /g; s/<[^>]*>//g'; }
open_groups(){ grep -o '<details open class="group"><summary>[^<]*' "$BODY" | sed 's/.*<summary>//'; }

walk(){   # walk ROLE [START]: every item of ROLE's menu, as shown on START (/)
  get "${2:-/}"
  menu_hrefs >"$T/menu.$1"
  n=$(wc -l <"$T/menu.$1" | tr -d ' ')
  [ "$n" -ge 10 ] || fail "$1: the menu has $n items"
  bad=0
  while read -r h; do
    case $h in /report|/public/report) continue ;; esac
    get "$h"
    [ "$STATUS" = 200 ] || { fail "$1 $h: status $STATUS"; bad=1; continue; }
    grep -qF '<meta name="viewport" content="width=device-width, initial-scale=1">' "$BODY" || { fail "$1 $h: no viewport meta"; bad=1; }
    grep -qF '<label for="menu-open" class="menu-btn"' "$BODY" || { fail "$1 $h: no 菜单 button"; bad=1; }
    on=$(grep -o '<a href="[^"]*" class="on">[^<]*</a>' "$BODY")
    label=$(printf '%s' "$on" | sed 's/<[^>]*>//g')
    [ "$on" = "<a href=\"$h\" class=\"on\">$label</a>" ] || { fail "$1 $h: marked «$on»"; bad=1; continue; }
    c=$(crumb)
    g=$(open_groups)
    # the home pages (工作台, 待办) are in no group: every group open
    if [ "$h" = / ]; then want="首页"; elif [ "$h" = /todo ]; then want="首页 / 待办"; else want="首页 / $g / $label"; fi
    case $c in "$want"*) ;; *) fail "$1 $h: breadcrumb «$c», expected it to start «$want»"; bad=1 ;; esac
    [ "$h" = / ] || [ "$h" = /todo ] || [ "$(printf '%s\n' "$g" | grep -c .)" = 1 ] || { fail "$1 $h: open groups «$g»"; bad=1; }
  done <"$T/menu.$1"
  [ $bad = 0 ] && pass "$1: all $n menu pages in the frame, marked, with a breadcrumb"
}

for u in admin leader fuyi shichang zhengwu chengguan; do
  login "$u"
  walk "$u"
done
# the admin's menu has 系统管理, a clerk's not
check "the admin's menu has the 系统管理 pages" [ "$(grep -c '^/admin/' "$T/menu.admin")" -ge 6 ]
expect_eq "$(grep -c '^/admin/' "$T/menu.fuyi")" 0 "a clerk's menu has no 系统管理"

anon
walk visitor /login
expect_contains "$T/menu.visitor" "/public/report" "a visitor's menu has the published report"
finish
