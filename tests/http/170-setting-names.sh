#!/bin/sh
# tests/http/170-setting-names.sh
# `fazhi setting` takes only the names declared in aSetting[]
# (src/engine/setting.c) for the operator: an unknown name, an internal one
# (cal_fingerprint, audit_key_from), one written by init (county_name) or a
# NAME@ID typed by hand is refused with a Chinese message that names it and
# lists the valid ones, and nothing is written; a setting the whole
# database shares (public_url) cannot be set per county. Issue 14 §1.
. "$(dirname "$0")/lib.sh"
start_server
stop_server

# run EXPECTED_EXIT TEXT ARGS…: the command's exit status and a text of its stderr.
run(){
  _want=$1; _text=$2; shift 2
  "$FAZHI" "$@" >"$T/run.out" 2>"$T/run.err"
  _rc=$?
  expect_eq "$_rc" "$_want" "exit of fazhi $*"
  if [ -n "$_text" ]; then expect_contains "$T/run.err" "$_text" "fazhi $*"; fi
}

B0=$(sql "SELECT count(*) || '/' || coalesce(max(id), 0) FROM audit")
SETTINGS="SELECT count(*) || ' ' || coalesce(max(value), '') FROM setting WHERE name<>'cal_fingerprint'"
S0=$(sql "$SETTINGS")
N0=$(sql "SELECT value FROM setting WHERE name='county_name'")
run 2 '未知的设置名称“county_mayor”' setting --db "$DB" county_mayor 张三
expect_contains "$T/run.err" 'public_url' "the refusal lists the valid names"
expect_contains "$T/run.err" 'city_report_to' "…all of them"
run 2 '未知的设置名称“cal_fingerprint”' setting --db "$DB" cal_fingerprint 0
run 2 '未知的设置名称“audit_key_from”' setting --db "$DB" audit_key_from 1
run 2 '未知的设置名称“county_name”' setting --db "$DB" county_name 某县
run 2 '未知的设置名称“county_gov@1”' setting --db "$DB" county_gov@1 某县人民政府
run 2 'public_url 是全库共用的设置' setting --db "$DB" --county 示范县 public_url https://fazhi.example.gov.cn
check "the refused names were not listed as settable" sh -c "! grep -q 'cal_fingerprint\|audit_key_from\|county_name' '$T/run.err'"
expect_eq "$(sql "$SETTINGS")" "$S0" "no setting was written"
expect_eq "$(sql "SELECT count(*) FROM setting WHERE name IN ('county_mayor', 'county_gov@1') OR (name='county_name' AND value<>'$N0')")" 0 "…nor changed"
expect_eq "$(sql "SELECT count(*) || '/' || coalesce(max(id), 0) FROM audit")" "$B0" "nothing was logged"

# A declared one is still set, with its audit entry.
run 0 '' setting --db "$DB" county_gov 示范县人民政府
expect_contains "$T/run.out" '已设置 county_gov = 示范县人民政府'
expect_eq "$(sql "SELECT value FROM setting WHERE name='county_gov'")" 示范县人民政府 "county_gov written"
expect_eq "$(sql "SELECT action FROM audit ORDER BY id DESC LIMIT 1")" setting_set "…and logged"
finish
