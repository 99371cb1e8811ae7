#!/bin/sh
# tests/http/221-list-ranges.sh
# Lists (issue 17 §1): a date field of the query form is a range, 从/至
# (f_FIELD_from, f_FIELD_to, both days included), on the page and the API;
# the overdue/due-soon checkbox is two, and each agrees with 待办 for its
# kind. FAZHI_TODAY=2026-06-30.
. "$(dirname "$0")/lib.sh"
start_server
login admin
api_login admin
get "/k/reconsideration?year=2026"
expect_contains "$BODY" '<input type="date" name="f_received_from" value="" aria-label="收到申请日期从">' "a 从 date"
expect_contains "$BODY" '<input type="date" name="f_received_to" value="" aria-label="收到申请日期至">' "…and a 至 date"
N=$(sql "SELECT count(*) FROM reconsideration WHERE received BETWEEN '2026-03-01' AND '2026-03-31'")
check "some cases were received in March ($N)" test "$N" -gt 0
get "/k/reconsideration?year=2026&f_received_from=2026-03-01&f_received_to=2026-03-31"
expect_eq "$(list_total)" "$N" "the page: March, both ends included"
expect_contains "$BODY" 'name="f_received_from" value="2026-03-01"' "the range stays in the form"
api GET "/api/v1/k/reconsideration?year=2026&f_received_from=2026-03-01&f_received_to=2026-03-31&size=200"
expect_json ".total == $N and all(.rows[]; .fields.received >= \"2026-03-01\" and .fields.received <= \"2026-03-31\")" "the API: the same"
N2=$(sql "SELECT count(*) FROM reconsideration WHERE received >= '2026-05-15'")
api GET "/api/v1/k/reconsideration?year=2026&f_received_from=2026-05-15"
expect_eq "$(json .total)" "$N2" "从 alone"
N3=$(sql "SELECT count(*) FROM reconsideration WHERE received = '2026-03-02'")
api GET "/api/v1/k/reconsideration?year=2026&f_received_from=2026-03-02&f_received_to=2026-03-02"
expect_eq "$(json .total)" "$N3" "one day"
api GET "/api/v1/k/reconsideration?year=2026&f_received_from=2026-02-30"
expect_eq "$(json .total)" "$(sql "SELECT count(*) FROM reconsideration WHERE received BETWEEN '2026-01-01' AND '2026-12-31'")" "a day that is none filters nothing"
get "/k/reconsideration/export.xlsx?year=2026&f_received_from=2026-03-01&f_received_to=2026-03-31"
expect_status 200 "the export takes the range"

# 已逾期 / 即将到期 on every list with periods agree with 待办's counts per kind
api GET "/api/v1/todo?size=1"
cp "$BODY" "$T/todo.json"
for k in $(jq -r '.counts[] | select(.overdue+.due_soon>0) | .kind' "$T/todo.json"); do
  O=$(jq -r ".counts[] | select(.kind==\"$k\") | .overdue" "$T/todo.json")
  S=$(jq -r ".counts[] | select(.kind==\"$k\") | .due_soon" "$T/todo.json")
  # a record with two periods running counts once on a list, per period in 待办
  api GET "/api/v1/k/$k?year=all&overdue=1&size=1"
  LO=$(json .total)
  check "$k: 已逾期 list ($LO) ≤ 待办's overdue periods ($O), and both zero or not" test "$LO" -le "$O" -a \( "$LO" -gt 0 -o "$O" = 0 \)
  api GET "/api/v1/k/$k?year=all&soon=1&size=1"
  LS=$(json .total)
  check "$k: 即将到期 list ($LS) ≤ 待办's ($S), and both zero or not" test "$LS" -le "$S" -a \( "$LS" -gt 0 -o "$S" = 0 \)
done
api GET "/api/v1/k/rectification?year=all&overdue=1&size=1"
expect_eq "$(json .total)" "$(jq -r '.counts[] | select(.kind=="rectification") | .overdue' "$T/todo.json")" "one period a record (整改): equal"
finish
