#!/bin/sh
# tests/http/229-import-progress.sh
# Long work shows its progress (issue 17 §5). The import page sends a
# random key with the file (_progress) and polls /api/v1/progress/KEY: while
# a large import runs the counts grow (rows read, checked, written) and the
# last answer says done with every row; the import is still all or nothing
# (a bad last row: every row read and checked, none written, none kept).
# A key is its owner's: another user (or a key never used) gets
# "started":false, as during the upload. `fazhi import` prints its
# progress line on stderr (a log: a line now and then, and the last counts)
# and nothing for a quick job; FAZHI_QUIET=1 silences it. A large export
# starts downloading at once: /k/KIND/export.csv is streamed as it is read.
. "$(dirname "$0")/lib.sh"
start_server

N=60000
{ echo '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序'
  awk -v n=$N 'BEGIN{ for(i=1;i<=n;i++) printf "示范县司法局,示复〔2025〕G%d号,申请人%d,示范县公安局,行政处罚,2025-03-%02d,普通程序\n", i, i, 1+i%28 }'
} >"$T/big.csv"
sed -e 's/G\([0-9]*\)号/B\1号/' -e '$s/行政处罚/行政诉讼/' "$T/big.csv" >"$T/bad.csv"   # new numbers; the last row's 案件类别 is no value
N0=$(sql "SELECT COUNT(*) FROM reconsideration")

login fuyi
login admin
as fuyi
KEY=k229$(date +%s)abcdef0123
# the poll before the import: not started
get "/api/v1/progress/$KEY"
expect_status 200 "a key not yet used"
expect_contains "$BODY" '"started":false' "not started"

# 1. A large import, polled as it runs.
curl -s -o "$T/imp.html" -w '%{http_code}' -b "$JAR" -c "$JAR" -F "_csrf=$CSRF" -F "_progress=$KEY" \
  -F "file=@$T/big.csv;filename=big.csv" "$BASE/k/reconsideration/import" >"$T/imp.status" &
IMP=$!
: >"$T/polls"
i=0
while [ $i -lt 600 ]; do
  curl -s -b "$JAR" "$BASE/api/v1/progress/$KEY" >>"$T/polls"; echo >>"$T/polls"
  if tail -n 1 "$T/polls" | grep -q '"done":true'; then break; fi
  sleep 0.05
  i=$((i+1))
done
wait $IMP
expect_eq "$(cat "$T/imp.status")" 200 "the import answered"
expect_contains "$T/imp.html" "导入成功：共写入${N}条行政复议记录" "all rows written"
LAST=$(tail -n 1 "$T/polls")
expect_eq "$(echo "$LAST" | jq -c '[.started,.read,.checked,.written,.done]')" "[true,$N,$N,$N,true]" "the last poll: every row read, checked and written, done"
MID=$(grep '"started":true' "$T/polls" | jq -c 'select(.done==false and .checked>0 and .checked<'$N')' | head -1)
if [ -n "$MID" ]; then pass "a poll while it ran: $MID"; else fail "no poll saw the import half way ($(grep -c started "$T/polls") polls: $(head -c 300 "$T/polls"))"; fi
expect_eq "$(grep '"started":true' "$T/polls" | jq -s '[.[].written] | . == sort')" true "the written count only grows"
expect_eq "$(sql "SELECT COUNT(*) FROM reconsideration")" "$((N0+N))" "the rows are stored"

# …its counts are the importer's own: another user's poll learns nothing.
as admin
get "/api/v1/progress/$KEY"
expect_contains "$BODY" '"started":false' "another user's key reads as not started"
as fuyi

# 2. All or nothing: the bad last row stops it, none written.
KEY2=k229bad$(date +%s)abcdef
curl -s -o "$T/bad.html" -w '%{http_code}' -b "$JAR" -c "$JAR" -F "_csrf=$CSRF" -F "_progress=$KEY2" \
  -F "file=@$T/bad.csv;filename=bad.csv" "$BASE/k/reconsideration/import" >"$T/bad.status"
expect_eq "$(cat "$T/bad.status")" 422 "the import with a bad row is refused"
expect_contains "$T/bad.html" "第$((N+1))行" "the error names its row"
get "/api/v1/progress/$KEY2"
expect_eq "$(jq -c '[.read,.checked,.written,.done]' "$BODY")" "[$N,$N,0,true]" "every row read and checked, none written"
expect_eq "$(sql "SELECT COUNT(*) FROM reconsideration")" "$((N0+N))" "nothing of it kept"

# 3. The page: the form carries its progress box (app.js fills it).
get /k/reconsideration/import
expect_contains "$BODY" 'class="record import"' "the import form"
expect_contains "$BODY" 'class="notice trace progress field wide" role="status" aria-live="polite" hidden' "its progress box"

# 4. A large export starts at once: the list as CSV, streamed (chunked) as
# it is read, every record of the query and only the user's scope.
get "/k/reconsideration?year=2025"
expect_contains "$BODY" 'href="/k/reconsideration/export.csv?year=2025"' "the list offers 导出CSV with its query"
WANT=$(sql "SELECT COUNT(*) FROM reconsideration WHERE received LIKE '2025-%'")
curl -s -b "$JAR" -D "$T/csv.h" -o "$T/list.csv" -w '%{http_code} %{time_starttransfer} %{time_total}' "$BASE/k/reconsideration/export.csv?year=2025" >"$T/csv.t"
expect_eq "$(cut -d' ' -f1 "$T/csv.t")" 200 "export.csv"
note "first byte after $(cut -d' ' -f2 "$T/csv.t") s, the whole file after $(cut -d' ' -f3 "$T/csv.t") s"
check "sent as it is written (chunked, no length known beforehand)" grep -qi '^Transfer-Encoding: chunked' "$T/csv.h"
check "named in Chinese" grep -q "filename\*=UTF-8''%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE_" "$T/csv.h"
expect_eq "$(head -1 "$T/list.csv" | cut -d, -f1-4)" "$(printf '\357\273\277')编号,所属部门,状态,案号" "its header row"
expect_eq "$(($(wc -l <"$T/list.csv") - 1))" "$WANT" "every record of the query ($WANT)"
check "the last record whole" sh -c "tail -1 '$T/list.csv' | grep -q '示范县'"
login shichang
curl -s -b "$JAR" -o "$T/other.csv" "$BASE/k/reconsideration/export.csv?year=2025"
expect_eq "$(grep -c '示复' "$T/other.csv")" 0 "another department's clerk gets none of 司法局's cases"

# 5. The command line: a progress line on stderr for a large file, none for a quick one.
stop_server
sed 's/G\([0-9]*\)号/H\1号/' "$T/big.csv" >"$T/big2.csv"
"$FAZHI" import --db "$DB" reconsideration "$T/big2.csv" >"$T/cli.out" 2>"$T/cli.err"
expect_contains "$T/cli.out" "导入成功：行政复议 ${N}条" "fazhi import"
if [ -s "$T/cli.err" ]; then
  expect_contains "$T/cli.err" "导入：已读取${N}行，已检查${N}行，已写入${N}行（结束，" "the last progress line"
else
  note "the import took under 2 s: no progress line (as for a quick job)"
  pass "fazhi import: quiet for a quick job"
fi
# …on a terminal (script(1) gives it one): the line rewritten in place, ended by a newline.
if command -v script >/dev/null 2>&1; then
  sed 's/G\([0-9]*\)号/T\1号/' "$T/big.csv" >"$T/big4.csv"
  script -qec "'$FAZHI' import --db '$DB' reconsideration '$T/big4.csv'" /dev/null >"$T/tty.out" 2>&1
  expect_contains "$T/tty.out" "导入成功：行政复议 ${N}条" "fazhi import on a terminal"
  if grep -q '导入：已读取' "$T/tty.out"; then
    expect_eq "$(tr '\r' '\n' <"$T/tty.out" | grep -c '导入：已读取')" "$(tr '\r' '\n' <"$T/tty.out" | grep '导入：已读取' | grep -c '已检查')" "each update states read, checked and written"
    check "updated in place (carriage returns, the line cleared)" grep -q "$(printf '\r')导入：已读取" "$T/tty.out"
    expect_contains "$T/tty.out" "已写入${N}行（结束，" "the last counts"
  else
    note "the import took under half a second on the terminal: no progress line"
  fi
fi
head -3 "$T/big.csv" | sed 's/G\([0-9]*\)号/Q\1号/' >"$T/small.csv"
"$FAZHI" import --db "$DB" reconsideration "$T/small.csv" >"$T/cli.out" 2>"$T/cli.err"
expect_eq "$(cat "$T/cli.err")" "" "a quick import prints no progress"
sed 's/G\([0-9]*\)号/R\1号/' "$T/big.csv" >"$T/big3.csv"
FAZHI_QUIET=1 "$FAZHI" import --db "$DB" reconsideration "$T/big3.csv" >"$T/cli.out" 2>"$T/cli.err"
expect_eq "$(cat "$T/cli.err")" "" "FAZHI_QUIET=1: no progress line"
finish
