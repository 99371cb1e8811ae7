#!/bin/sh
# tests/http/183-migrate-kinds.sh
# Issue 15 §2: `fazhi migrate` moves a county's own 台账 (自定义台账) too —
# every version of every definition and every record — where it refused
# before (2026-12-07). The source is the demo county (its six example kinds,
# one changed to a version 2) in SQLite; the target is the backend under
# test (PostgreSQL with FZ_BACKEND=pg); and the demo county made on the
# backend under test moves into a new SQLite file (PostgreSQL → SQLite).
# `fazhi check` passes on each target; a past year's report there still uses the version in force
# then; a county whose kind id the target already has is refused by name
# and changes nothing.
. "$(dirname "$0")/lib.sh"

SRC=$T/src.db
if [ -n "${FZ_DEMO_DB:-}" ] && [ -f "$FZ_DEMO_DB" ]; then
  sqlite3 "$FZ_DEMO_DB" ".backup '$SRC'"
  cp -p "$FZ_DEMO_DB.key" "$SRC.key"
else
  "$FAZHI" demo --db "$SRC" --no-serve >/dev/null 2>&1 || { fail "fazhi demo"; finish; }
fi
KINDS="notarization commendation publicity_work reasoning_point dispute_check enterprise_appeal"

# 0. The demo county of the backend under test (its examples added there)
# into a new SQLite file: PostgreSQL → SQLite under FZ_BACKEND=pg.
start_server
stop_server
"$FAZHI" migrate --from "$DB" --to "$T/back.db" >"$T/m0.out" 2>&1
expect_eq "$?" 0 "migrate the backend's demo county (with its custom kinds) into SQLite"
for k in $KINDS; do
  expect_eq "$(sqlite3 "$T/back.db" "SELECT count(*) FROM $k")" "$(sql "SELECT count(*) FROM $k")" "…every $k record"
done
expect_eq "$(sqlite3 "$T/back.db" "SELECT count(*) FROM kind_def")" "$(sql "SELECT count(*) FROM kind_def")" "…every definition"
"$FAZHI" check --db "$T/back.db" >"$T/check0.out" 2>&1
expect_eq "$?" 0 "fazhi check passes on the SQLite target"

# The target of the rest: a new database of the backend under test.
if [ -n "${FZ_PG_BASE:-}" ]; then
  psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE ${DBNAME}_t" || { fail "createdb"; finish; }
  TGT="$FZ_PG_BASE dbname=${DBNAME}_t"
else
  TGT=$T/tgt.db
fi
DB=$TGT                     # sql and the server below work on the target
src(){ sqlite3 "$SRC" "$1"; }

# A version 2 of 矛盾纠纷排查 in the source (a field removed, the sentence reworded).
"$FAZHI" kind --db "$SRC" export dispute_check -o "$T/v1.json" 2>/dev/null
jq 'del(.fields[] | select(.id=="reported")) | .report.sentences = ["开展各类矛盾纠纷排查{rounds}次，发现纠纷{found}件。"]' "$T/v1.json" >"$T/v2.json"
"$FAZHI" kind --db "$SRC" add "$T/v2.json" >/dev/null 2>&1
expect_eq "$?" 0 "version 2 in the source"

# 1. SQLite → the backend under test.
"$FAZHI" migrate --from "$SRC" --to "$TGT" >"$T/m1.out" 2>&1
expect_eq "$?" 0 "migrate with custom kinds (was refused)"
expect_not_contains "$T/m1.out" '暂不支持'
expect_eq "$(sql "SELECT count(*) FROM kind_def")" "$(src "SELECT count(*) FROM kind_def")" "every version of every definition moved"
expect_eq "$(sql "SELECT string_agg(name||':'||version, ',' ORDER BY name, version) FROM kind_def" 2>/dev/null || sql "SELECT group_concat(name||':'||version, ',') FROM (SELECT name, version FROM kind_def ORDER BY name, version)")" \
  "$(src "SELECT group_concat(name||':'||version, ',') FROM (SELECT name, version FROM kind_def ORDER BY name, version)")" "…with their numbers"
for k in $KINDS; do
  expect_eq "$(sql "SELECT count(*) FROM $k")" "$(src "SELECT count(*) FROM $k")" "every $k record moved"
done
expect_eq "$(sql "SELECT count(*) FROM dispute_check WHERE reported IS NOT NULL")" "$(src "SELECT count(*) FROM dispute_check WHERE reported IS NOT NULL")" \
  "the removed field's values moved too"
WF=$(src "SELECT sum(fee_waived) FROM notarization")
expect_eq "$(sql "SELECT sum(fee_waived) FROM notarization")" "$WF" "money (分) as it was"
"$FAZHI" kind --db "$DB" export dispute_check --version 1 -o "$T/t1.json" 2>/dev/null
check "version 1 reads back as the source's" sh -c "jq -S . '$T/v1.json' >'$T/a' && jq -S . '$T/t1.json' >'$T/b' && cmp -s '$T/a' '$T/b'"
"$FAZHI" kind --db "$DB" list >"$T/list.out" 2>&1
expect_contains "$T/list.out" "dispute_check	矛盾纠纷排查	活动	2	示范县" "kind list on the target: version 2, owned by 示范县"
"$FAZHI" check --db "$DB" >"$T/check1.out" 2>&1
expect_eq "$?" 0 "fazhi check passes on the target"
expect_contains "$T/check1.out" '自定义台账定义'
# the 2025 report on the target: version 1's sentence (saved before version 2)
"$FAZHI" report --db "$DB" --year 2025 --format md -o "$T/r.md" >/dev/null 2>&1
R5=$(src "SELECT count(*) FROM dispute_check WHERE checked_on BETWEEN '2025-01-01' AND '2025-12-31'")
expect_contains "$T/r.md" "全年组织矛盾纠纷排查${R5}次" "the target's 2025 report: version 1"
"$FAZHI" report --db "$DB" --year 2026 --format md -o "$T/r6.md" >/dev/null 2>&1
expect_contains "$T/r6.md" "开展各类矛盾纠纷排查" "…its 2026 report: version 2"

# 2. A page of a moved kind on the target, as its admin.
_spawn_server main
login admin
get /k/enterprise_appeal
expect_status 200 "the moved kind's list"
expect_contains "$BODY" "共 $(src "SELECT count(*) FROM enterprise_appeal WHERE received_on >= '2026-01-01'") 条"
stop_server

# 3. Another county defining a kind with an id the target has: refused, nothing changed.
C2=$T/c2.db
"$FAZHI" init --db "$C2" --county 又一县 --admin admin >/dev/null 2>&1
"$FAZHI" kind --db "$C2" add "$(dirname "$0")/../../examples/kinds/commendation.json" >/dev/null 2>&1
expect_eq "$?" 0 "the other county's own 荣誉表彰"
ND=$(sql "SELECT count(*) FROM dept"); NK=$(sql "SELECT count(*) FROM kind_def")
"$FAZHI" migrate --from "$C2" --to "$TGT" --login-prefix yy- >"$T/m2.out" 2>&1
expect_ne "$?" 0 "a clashing kind id is refused"
expect_contains "$T/m2.out" '自定义台账“荣誉表彰”（标识 commendation）：目标数据库已有标识相同的台账' "…naming the kind"
expect_eq "$(sql "SELECT count(*) FROM dept")" "$ND" "…no department written"
expect_eq "$(sql "SELECT count(*) FROM kind_def")" "$NK" "…no definition written"

# 4. A third county with a kind of its own joins the target that holds the
# first county's kinds: both counties' kinds are there, check passes.
C3=$T/c3.db
"$FAZHI" init --db "$C3" --county 第三县 --admin admin >/dev/null 2>&1
jq '.id = "c3_points" | .label = "第三县说事点"' "$(dirname "$0")/../../examples/kinds/reasoning_point.json" >"$T/c3.json"
"$FAZHI" kind --db "$C3" add "$T/c3.json" >/dev/null 2>&1
expect_eq "$?" 0 "the third county's own kind"
"$FAZHI" migrate --from "$C3" --to "$TGT" --login-prefix zz- >"$T/m3.out" 2>&1
expect_eq "$?" 0 "it migrates beside the first county's kinds"
"$FAZHI" kind --db "$TGT" list >"$T/list3.out" 2>&1
expect_contains "$T/list3.out" "c3_points	第三县说事点	名册	1	第三县" "its kind, owned by 第三县"
expect_contains "$T/list3.out" "notarization	公证	活动	1	示范县" "…and the first county's still 示范县's"
"$FAZHI" check --db "$TGT" >"$T/check3.out" 2>&1
expect_eq "$?" 0 "fazhi check passes with both"

finish
