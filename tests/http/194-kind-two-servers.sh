#!/bin/sh
# tests/http/194-kind-two-servers.sh
# Issue 15 §2: a definition saved through one server is served by another
# server on the same database from its next request (each request reads
# the definitions' mark; no restart), in both directions, including a new
# version (a field added, a label renamed); a request of a kind that does
# not exist anywhere stays a 404. `fazhi kind` misuse is refused with its
# usage, and --help describes it.
. "$(dirname "$0")/lib.sh"
start_server
SERVE_ARGS="--threads 2" start_second_server
DEF=$(dirname "$0")/data/kind-notary.json
D_FUYI=$(sql "SELECT id FROM dept WHERE name='示范县司法局'")

on_server 2
login admin
get /k/notary
expect_status 404 "server 2: no such kind yet"
on_server 1
api_login admin
api POST /api/v1/kinds "$(cat "$DEF")"
expect_status 201 "server 1 saves the kind"
on_server 2
get /k/notary
expect_status 200 "server 2 serves it on its next request"
api_login fuyi
api POST /api/v1/k/notary "{\"dept_id\":$D_FUYI,\"case_no\":\"TS-1\",\"done_on\":\"2026-02-01\",\"matter\":\"civil\",\"fee_waived\":\"1.5\"}"
expect_status 201 "a record through server 2"
# version 2 through server 2, served by server 1
api_login admin
api POST /api/v1/kinds "$(jq -c '(.fields[] | select(.id=="matter")).label = "公证类别" | .fields += [{"id":"room","label":"办证地点","type":"text","list":true}]' "$DEF")"
expect_status 200 "server 2 saves version 2"
expect_json '.version == 2'
on_server 1
login admin
get /k/notary
expect_contains "$BODY" '办证地点' "server 1 lists the new field"
get "/k/notary/$(sql "SELECT id FROM notary WHERE case_no='TS-1'")"
expect_contains "$BODY" '公证类别' "…and the new label"
expect_contains "$BODY" '1.50元'
api_as admin
api GET /api/v1/kinds
expect_json '.kinds[] | select(.id == "notary") | .version == 2 and .records == 1'
get /k/no_such_kind
expect_status 404 "an unknown kind is still a 404"

# the command's usage
"$FAZHI" kind --db "$DB" frobnicate >"$T/u.out" 2>&1
expect_eq "$?" 2 "an unknown verb"
expect_contains "$T/u.out" '用法：fazhi kind --db FILE add 定义.json'
"$FAZHI" kind --db "$DB" export notary >"$T/u.out" 2>&1
expect_eq "$?" 2 "export without -o"
"$FAZHI" kind --db "$DB" export nope -o "$T/x.json" >"$T/u.out" 2>&1
expect_eq "$?" 1 "export of an unknown kind"
expect_contains "$T/u.out" '没有自定义台账“nope”'
"$FAZHI" kind --db "$DB" add "$DEF" --unit 不存在的县 >"$T/u.out" 2>&1
expect_eq "$?" 2 "an unknown unit"
expect_contains "$T/u.out" '没有县（区）或市“不存在的县”'
"$FAZHI" kind --help >"$T/h.out" 2>&1
expect_eq "$?" 0 "fazhi kind --help"
expect_contains "$T/h.out" 'fazhi kind'
finish
