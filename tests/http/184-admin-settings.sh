#!/bin/sh
# tests/http/184-admin-settings.sh
# 参数设置 (/admin/settings, issue 15 §1): an admin sees the declared
# settings an operator may change (not the internal ones) with their
# Chinese labels, defaults and values; a county admin saves the county's
# own NAME@ID through setting_set (audited, compared by check), which the
# report then uses; a database-wide setting (public_url) is read-only for
# them; bad input (empty, a bad public_url through the CLI's own check)
# changes nothing and is named beside the field; a clerk or a leader gets
# 403; a second county's admin sees and changes only that county's rows;
# a city's admin the city's (city_*).
. "$(dirname "$0")/lib.sh"
start_server

login admin
get /admin/settings
expect_status 200
expect_contains "$BODY" '参数设置' "the page title"
expect_contains "$BODY" 'href="/admin/settings"' "the menu names the page"
expect_contains "$BODY" '系统管理' "…under 系统管理"
expect_contains "$BODY" '报告的主送机关' "a setting's Chinese label"
expect_contains "$BODY" 'report_to' "…and its name"
expect_contains "$BODY" '市委、市政府：' "the demo's report_to value in force"
expect_contains "$BODY" '对外访问地址' "public_url is listed"
expect_contains "$BODY" '由系统运维人员设置' "…read-only for a county admin"
expect_not_contains "$BODY" 'cal_fingerprint' "internal settings are not shown"
expect_not_contains "$BODY" 'audit_key_from' "…none of them"
expect_not_contains "$BODY" 'city_party' "a county admin does not see the city's settings"
expect_contains "$BODY" 'name="_csrf"' "the forms carry the CSRF token"

CID=$(sql "SELECT id FROM dept WHERE parent_id IS NULL ORDER BY id LIMIT 1")
A0=$(sql "SELECT count(*) FROM audit")
post_form /admin/settings name=report_to "value=县委、县政府："
expect_status 303
expect_eq "$(location)" "/admin/settings?msg=saved" "saved: back to the page"
expect_eq "$(sql "SELECT value FROM setting WHERE name='report_to@$CID'")" "县委、县政府：" "the county's own row"
expect_eq "$(sql "SELECT value FROM setting WHERE name='report_to'")" "市委、市政府：" "the database-wide row is untouched"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='setting_set' AND after LIKE '%县委、县政府：%'")" 1 "the change is audited"
get "/admin/settings?msg=saved"
expect_contains "$BODY" '已保存' "the flash"
expect_contains "$BODY" 'value="县委、县政府："' "the new value is shown"
get "/report.md?year=2025"
expect_contains "$BODY" '县委、县政府：' "the report uses the county's own value"

# bad input: nothing written, the reason beside the field
post_form /admin/settings name=county_gov "value="
expect_status 422
expect_contains "$BODY" '不能为空' "an empty value is refused"
expect_contains "$BODY" 'class="err"' "…beside the field"
post_form /admin/settings name=county_gov "value=$(printf 'a\tb')"
expect_status 422
expect_contains "$BODY" '只能是一行文字' "a control character is refused"
post_form /admin/settings name=public_url "value=https://x.example.cn"
expect_status 403
expect_contains "$BODY" 'fazhi setting' "a database-wide setting is the operator's"
post_form /admin/settings name=cal_fingerprint "value=x"
expect_status 404
post_form /admin/settings name=county_name "value=某县"
expect_status 404
post_form /admin/settings name=city_party "value=中共某市委"
expect_status 404
post_form /admin/settings "name=report_to@$CID" "value=x"
expect_status 404
post /admin/settings --data-urlencode name=report_to --data-urlencode value=y
expect_status 403
expect_eq "$(sql "SELECT count(*) FROM audit")" "$((A0+1))" "the refusals logged nothing"
expect_eq "$(sql "SELECT count(*) FROM setting WHERE value IN ('x','y','','某县','中共某市委','https://x.example.cn')")" 0 "…and wrote nothing"

# the CLI's public_url check is the same function
"$FAZHI" setting --db "$DB" public_url 'javascript:alert(1)' 2>"$T/set.err"
expect_eq "$?" 2 "fazhi setting refuses a bad public_url"
expect_contains "$T/set.err" 'public_url 应为 http:// 或 https:// 开头的地址'

# clerks and leaders: 403
for U in leader fuyi; do
  login $U
  get /admin/settings
  expect_status 403
  post_form /admin/settings name=report_to value=z
  expect_status 403
  expect_not_contains "$BODY" 'href="/admin/settings"' "no menu entry for $U"
done

# a second county: its admin sees its own rows only
"$FAZHI" init --db "$DB" --county 乙县 --admin yadmin >"$T/init.out" 2>&1
expect_eq "$?" 0 "fazhi init of a second county"
YPW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
YID=$(sql "SELECT id FROM dept WHERE name='乙县' AND parent_id IS NULL")
first_login yadmin "$YPW" Yadmin-Pass-2026x
get /admin/settings
expect_status 200
expect_not_contains "$BODY" '县委、县政府：' "county B does not see county A's own value"
post_form /admin/settings name=report_to "value=乙县县委："
expect_status 303
expect_eq "$(sql "SELECT value FROM setting WHERE name='report_to@$YID'")" "乙县县委：" "county B's row"
expect_eq "$(sql "SELECT value FROM setting WHERE name='report_to@$CID'")" "县委、县政府：" "county A's row is untouched"

# a city over both: its admin edits the city's rows (city_*), not a county's
stop_server
"$FAZHI" city --db "$DB" 示范市 示范县 乙县 >"$T/city.out" 2>&1
expect_eq "$?" 0 "fazhi city"
CITY=$(sql "SELECT id FROM dept WHERE name='示范市'")
"$FAZHI" user --db "$DB" add shi 市管理员 admin 示范市 >"$T/user.out" 2>&1
SHIPW=$(sed -n "s/.*一次性密码：//p" "$T/user.out")
_spawn_server server
first_login shi "$SHIPW" Shi-Admin-2026x
get /admin/settings
expect_status 200
expect_contains "$BODY" 'city_report_to' "the city's admin sees the city's settings"
expect_not_contains "$BODY" '<code>county_gov</code>' "…not the counties'"
post_form /admin/settings name=city_report_to "value=省委、省政府："
expect_status 303
expect_eq "$(sql "SELECT value FROM setting WHERE name='city_report_to@$CITY'")" "省委、省政府：" "the city's own row"
post_form /admin/settings name=report_to "value=x"
expect_status 404
get "/report.md?year=2026&version=data"
expect_contains "$BODY" '省委、省政府：' "the city's report uses it"
login admin
get /admin/settings
expect_not_contains "$BODY" 'city_report_to' "a county admin does not see the city's"

stop_server
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check after the web changes"
expect_contains "$T/check.out" '检查通过'
# a setting changed behind fazhi's back is found
sql "UPDATE setting SET value='篡改' WHERE name='report_to@$CID'" >/dev/null
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_ne "$?" 0 "check finds a tampered setting"
finish
