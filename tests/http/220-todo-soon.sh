#!/bin/sh
# tests/http/220-todo-soon.sh
# 即将到期 counts working days, across a holiday, up to the due_soon_days
# setting (default 5; a county admin changes it on 参数设置, audited,
# checked). Today is Tue 2026-06-30; the next five working days end Tue
# 07-07. Two 依申请公开 requests (20 working days, 条例第三十三条) counted
# across 端午 (Fri 06-19, a day off): received Mon 06-08 → due Tue 07-07,
# within 5 working days; received Tue 06-09 → due Wed 07-08, the sixth (by
# calendar days both would have been due in June). The lists' checkbox is
# two: 已逾期 and 即将到期, and agrees with 待办.
. "$(dirname "$0")/lib.sh"
start_server
login zhengwu
api_login zhengwu
for n in 1 2; do
  d=$([ $n = 1 ] && echo 2026-06-08 || echo 2026-06-09)
  api POST /api/v1/k/disclosure_request "{\"request_no\":\"依公开〔2026〕临-$n号\",\"applicant\":\"临某$n\",\"applicant_type\":\"person\",\"channel\":\"online\",\"subject\":\"财政预算\",\"received\":\"$d\"}"
  expect_status 201 "a request received $d"
  eval "ID$n=\$(json .id)"
done
api GET "/api/v1/k/disclosure_request/$ID1"
expect_json '.deadlines[] | select(.name=="answer") | .due == "2026-07-07"' "06-08 + 20 working days over 端午: 07-07"
api GET "/api/v1/k/disclosure_request/$ID2"
expect_json '.deadlines[] | select(.name=="answer") | .due == "2026-07-08"' "06-09: 07-08"

api GET "/api/v1/todo?kind=disclosure_request&size=200"
expect_json '.soon_days == 5' "N = 5 by default"
expect_json "[.rows[] | select(.id==$ID1)][0] | .state==\"due_soon\" and .days_left==5 and .due==\"2026-07-07\"" "07-07: 5 working days left, due soon"
expect_json "[.rows[] | select(.id==$ID2)] | length == 0" "07-08: the sixth working day, not yet"
get "/todo?kind=disclosure_request"
expect_contains "$BODY" '即将到期<b>' 
expect_contains "$BODY" '<small>5个工作日内</small>' "the page names N"
expect_contains "$BODY" '剩5个工作日' "the row: 5 working days left"
expect_contains "$BODY" '《政府信息公开条例》第三十三条' "…with its basis"

# the list's two checkboxes
get "/k/disclosure_request?year=2026&soon=1&size=200"
expect_contains "$BODY" 'name="overdue" value="1">已逾期' "two checkboxes: 已逾期"
expect_contains "$BODY" 'name="soon" value="1" checked>即将到期（5个工作日内）' "…and 即将到期, checked"
expect_contains "$BODY" '依公开〔2026〕临-1号' "soon=1 lists 07-07"
expect_not_contains "$BODY" '依公开〔2026〕临-2号' "…not 07-08"
S_LIST=$(list_total)
api GET "/api/v1/todo?kind=disclosure_request&state=soon&size=200"
expect_eq "$(json .total)" "$S_LIST" "the list's 即将到期 = 待办's for the kind"
get "/k/disclosure_request?year=2026&overdue=1&size=200"
expect_not_contains "$BODY" '依公开〔2026〕临-1号' "overdue=1 leaves out what is only due soon"

# the setting: a county admin makes it 6
login admin
get /admin/settings
expect_contains "$BODY" 'due_soon_days' "参数设置 lists it"
expect_contains "$BODY" '即将到期' "…in Chinese"
post_form /admin/settings name=due_soon_days "value=六"
expect_status 422 "not a number"
expect_contains "$BODY" '应为1至30之间的整数' "…refused, saying why"
post_form /admin/settings name=due_soon_days "value=0"
expect_status 422 "0 is refused"
post_form /admin/settings name=due_soon_days "value=6"
expect_status 303 "6 saved"
CID=$(sql "SELECT id FROM dept WHERE parent_id IS NULL ORDER BY id LIMIT 1")
expect_eq "$(sql "SELECT value FROM setting WHERE name='due_soon_days@$CID'")" 6 "the county's own row"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action='setting_set' AND after LIKE '%due_soon_days%'")" 1 "audited"
api GET "/api/v1/todo?kind=disclosure_request&size=200"
expect_json '.soon_days == 6' "N = 6 now"
api_login admin
api GET "/api/v1/todo?kind=disclosure_request&size=200"
expect_json ".soon_days == 6" "…for the county admin too"
expect_json "[.rows[] | select(.id==$ID2)][0] | .state==\"due_soon\" and .days_left==6" "07-08 is due soon within 6"
get "/k/disclosure_request?year=2026&soon=1&size=200"
expect_contains "$BODY" '即将到期（6个工作日内）' "the list's checkbox says 6"
expect_contains "$BODY" '依公开〔2026〕临-2号' "…and lists 07-08"
"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check: the setting's row matches its audit"
finish
