#!/bin/sh
# tests/http/217-kind-add-race.sh
# Issue 15 §2: two admins adding the same 台账标识 at once. Before
# 2026-12-07 the second met the UNIQUE(name, version) constraint and got
# a 500; now it is told, in Chinese, 台账标识“X”已存在 (409), on the page
# (/admin/kinds/new, which only adds), through the API and on the command
# line, and only one definition is stored. The browser's 新增 of an id in
# use is the same 409 (it never turns another's kind into its version 2).
. "$(dirname "$0")/lib.sh"
start_server
login admin
N0=$(sql "SELECT count(*) FROM kind_def")

# One form post: a small 活动 kind with id $1 (curl arguments, as post_form sends).
form_args(){
  for kv in "id=$1" "label=$2" shape=activity group=自定义台账 nf=1 \
      f1_id=held_on f1_label=日期 f1_type=date f1_req=1 f1_list=1 \
      ni=1 i1_id=times i1_label=次数 i1_agg=count i1_unit=次 "_csrf=$CSRF"; do
    printf '%s\n' "--data-urlencode" "$kv"
  done
}
# race_page ID: two POSTs of /admin/kinds/new at once, by two sessions of
# the admin; statuses to $T/page.1.status, $T/page.2.status.
login_attempt admin "$PW" >/dev/null; save_csrf admin
cp "$T/jar.admin" "$T/jar.admin2"
race_page(){
  PIDS=
  for i in 1 2; do
    jar=$T/jar.admin; [ $i = 2 ] && jar=$T/jar.admin2
    # shellcheck disable=SC2046
    (IFS='
'; curl -s -o "$T/page.$i.body" -w '%{http_code}' -b "$jar" $(form_args "$1" "并发台账$i") "$BASE/admin/kinds/new" >"$T/page.$i.status") &
    PIDS="$PIDS $!"
  done
  wait $PIDS    # (a bare wait would wait for the server too)
}
for round in 1 2 3; do
  id=race_p$round
  race_page "$id"
  s1=$(cat "$T/page.1.status"); s2=$(cat "$T/page.2.status")
  expect_eq "$(printf '%s\n' "$s1" "$s2" | sort | tr '\n' ' ')" "303 409 " "round $round: one 新增 is saved, the other is a 409"
  for i in 1 2; do
    if [ "$(cat "$T/page.$i.status")" = 409 ]; then
      expect_contains "$T/page.$i.body" "台账标识“${id}”已存在" "round $round: the page says the id exists"
      expect_contains "$T/page.$i.body" 'name="id" value="'"$id"'"' "…and keeps the form as typed"
    fi
  done
  expect_eq "$(sql "SELECT count(*) FROM kind_def WHERE name='$id'")" 1 "round $round: one version stored"
done

# The same 新增 later, alone: still a 409 naming the kind, nothing stored.
as admin
post_form /admin/kinds/new id=race_p1 label=又一个 shape=activity nf=1 f1_id=held_on f1_label=日期 f1_type=date f1_req=1 \
  ni=1 i1_id=times i1_label=次数 i1_agg=count i1_unit=次
expect_status 409 "新增 of an id in use"
expect_contains "$BODY" '台账标识“race_p1”已存在（台账“并发台账'
expect_eq "$(sql "SELECT count(*) FROM kind_def WHERE name='race_p1'")" 1 "…saves nothing"

# 2. The API: four POSTs of one new id at once. One adds it (201); each
# other is either a later version (200, the API adds or changes) or, when
# it met the first inside its own save, a 409 in words. Never a 500.
api_login admin
def(){ printf '{"id":"%s","label":"接口台账%s","shape":"activity","fields":[{"id":"held_on","label":"日期","type":"date","required":true,"year_field":true}],"indicators":[{"id":"times","label":"次数","unit":"count","unit_word":"次","numerator":{"agg":"count","where":[]}}]}' "$1" "$2"; }
for round in 1 2 3; do
  id=race_a$round
  PIDS=
  for i in 1 2 3 4; do
    (curl -s -o "$T/api.$i.body" -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data-binary "$(def "$id" "$i")" "$BASE/api/v1/kinds" >"$T/api.$i.status") &
    PIDS="$PIDS $!"
  done
  wait $PIDS
  all=$(cat "$T"/api.[1-4].status | sort | tr '\n' ' ')
  n201=$(cat "$T"/api.[1-4].status | grep -c '^201$')
  expect_eq "$n201" 1 "round $round: one POST adds the kind ($all)"
  check "round $round: no 500 ($all)" sh -c "! grep -q '^5' '$T'/api.[1-4].status"
  for i in 1 2 3 4; do
    if [ "$(cat "$T/api.$i.status")" = 409 ]; then
      check "round $round: the 409 says the id exists" jq -e '.errors[0].message | test("台账标识“'"$id"'”已存在|已由其他管理员保存")' "$T/api.$i.body"
    fi
  done
  n200=$(cat "$T"/api.[1-4].status | grep -c '^200$')
  expect_eq "$(sql "SELECT count(*) FROM kind_def WHERE name='$id'")" $((1 + n200)) "round $round: a version per saved POST"
done

# 3. The command line: two `fazhi kind add` of one new id at once. Each
# either saves (version 1 or 2) or says the id exists; never 保存失败.
for round in 1 2; do
  id=race_c$round
  def "$id" 1 >"$T/c.json"
  PIDS=
  for i in 1 2; do
    ("$FAZHI" kind --db "$DB" add "$T/c.json" >"$T/cli.$i.out" 2>&1; echo $? >"$T/cli.$i.rc") &
    PIDS="$PIDS $!"
  done
  wait $PIDS
  check "round $round: no internal failure" sh -c "! grep -q '保存失败' '$T/cli.1.out' '$T/cli.2.out'"
  for i in 1 2; do
    if [ "$(cat "$T/cli.$i.rc")" != 0 ]; then
      expect_contains "$T/cli.$i.out" "台账标识“${id}”已存在" "round $round: the refused one says the id exists"
    fi
  done
  check "round $round: at least one saved" sh -c "grep -q '已保存第1版' '$T/cli.1.out' '$T/cli.2.out'"
done

"$FAZHI" check --db "$DB" >"$T/check.out" 2>&1
expect_eq "$?" 0 "fazhi check passes after the races"
expect_ne "$(sql "SELECT count(*) FROM kind_def")" "$N0" "kinds were added"
finish
