#!/bin/sh
# tests/http/102-command-options.sh
# Every command refuses an option it does not take, and an option without
# its value, with a Chinese message and a non-zero exit, before doing
# anything (issue 13 §6: `fazhi check --anything` used to run and pass, so a
# mistyped option verified nothing). --help still works everywhere.
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

run 2 '没有选项“--anything”' check --db "$DB" --anything
check "check --anything printed no verdict" sh -c "! grep -q '检查通过' '$T/run.out'"
run 2 '选项 --year 缺少值' report --db "$DB" --year
run 2 '选项 --year 缺少值' report --db "$DB" --year --format md
run 2 '选项 --db 缺少值' check --db
run 2 '没有选项“--anchr”' check --db "$DB" --anchr 1:abc
run 2 '没有选项“-x”' export --db "$DB" reconsideration -x out.xlsx
run 2 '没有选项“--verbose”' user --db "$DB" list --verbose
run 2 '该命令不带选项' help --all
run 2 '没有选项“--no-serv”' demo --db "$T/x.db" --no-serv
check "demo with a mistyped option created nothing" test ! -e "$T/x.db"
run 2 '没有选项“--threads=2”' serve --db "$DB" --threads=2
run 2 '选项 --listen 缺少值' serve --db "$DB" --listen
run 2 '没有选项“--dry-run”' import --db "$DB" reconsideration x.csv --dry-run
run 2 '没有选项“--county”' dept --db "$DB" add 新部门 --county 示范县
run 2 '选项 --values 缺少值' draw --db "$DB" P1 run --values
run 2 '选项 --login-prefix 缺少值' migrate --from a.db --to b.db --login-prefix

# Options a command does take still work, flags and values alike.
run 0 '' check --db "$DB"
expect_contains "$T/run.out" '检查通过'
run 0 '' report --db "$DB" --year 2025 --format md -o "$T/r.md"
check "report written" test -s "$T/r.md"
run 0 '' export --db "$DB" reconsideration --year 2025 --format csv -o "$T/r.csv"
run 0 '' schema --json
run 0 '' user --db "$DB" list
# --help and -h on every command
for c in baseline check city counties demo dept draw export extract help holiday import init migrate report schema serve setting user; do
  "$FAZHI" $c --help >"$T/h.out" 2>&1
  expect_eq "$?" 0 "fazhi $c --help"
  expect_contains "$T/h.out" "fazhi $c"
done
"$FAZHI" check -h >"$T/h.out" 2>&1
expect_eq "$?" 0 "fazhi check -h"
finish
