#!/bin/sh
# tests/http/121-check-chain.sh
# The audit chain is keyed (issue 13 §3): each entry's hash is an HMAC
# under a key kept outside the database (F.key beside a SQLite file,
# FAZHI_KEY_FILE on PostgreSQL). Whoever can only write the database cannot
# forge it: an edit with the chain recomputed as plain SHA-256 is found;
# two entries swapped are found; the newest entry deleted with the record
# it created, or the tail cut, is found against an anchor kept outside
# (`--anchor COUNT:HASH`); without the key check fails and writes are
# refused in Chinese; a database written before keys existed passes, is
# keyed by its next write, and then its old part cannot be rewritten
# either. SQLite and, with FZ_PG_BASE, PostgreSQL.
. "$(dirname "$0")/lib.sh"
start_server
stop_server

run_check(){ _d=$1; shift; "$FAZHI" check --db "$_d" "$@" >"$T/check.out" 2>&1; RC=$?; }
# keyfile DB: where DB's key is (SQLite: beside it; PostgreSQL: the run's)
keyfile(){ if [ -n "${FZ_PG_BASE:-}" ]; then echo "$FAZHI_KEY_FILE"; else echo "$1.key"; fi; }
# drop_triggers DB: the append-only backstop out of the way (an attacker
# with write access to the database can do as much)
drop_triggers(){ sql_on "$1" "DROP TRIGGER audit_no_update$DROP_ON; DROP TRIGGER audit_no_delete$DROP_ON"; }
# recompute DB FROM [TO]: every entry from id FROM (to TO) rehashed as plain
# SHA-256 (the old scheme, all that can be computed without the key),
# linked to the stored hash of entry FROM-1.
recompute(){
  if [ -n "${FZ_PG_BASE:-}" ]; then
    psql -qAtX "$1" -c "COPY (SELECT id, at, user_id, login, action, kind, rec_id, before, after, prev_hash, hash FROM audit ORDER BY id) TO STDOUT WITH (FORMAT csv)" >"$T/audit.csv"
    python3 - "$T/audit.csv" "$2" "${3:-0}" >"$T/rehash.sql" <<'EOF' || fail "recompute: python3 failed"
import csv, hashlib, sys
csv.field_size_limit(1 << 30)
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
frm = int(sys.argv[2]); to = int(sys.argv[3]) or 1 << 62; prev = None
for r in rows:
    i = int(r[0])
    if i < frm: prev = r[10]; continue
    if i > to: break
    h = hashlib.sha256()
    for p in [prev or '', r[0]] + r[1:9]: h.update(p.encode() + b'\0')
    d = h.hexdigest()
    print("UPDATE audit SET prev_hash='%s', hash='%s' WHERE id=%d;" % (prev or '', d, i))
    prev = d
EOF
    psql -qX -v ON_ERROR_STOP=1 "$1" -f "$T/rehash.sql" >/dev/null
  else
    python3 - "$1" "$2" "${3:-0}" <<'EOF' || fail "recompute: python3 failed"
import sqlite3, hashlib, sys
db = sqlite3.connect(sys.argv[1]); frm = int(sys.argv[2]); to = int(sys.argv[3]) or 1 << 62; prev = ''
for r in db.execute("SELECT id, at, user_id, login, action, kind, rec_id, before, after, hash FROM audit ORDER BY id").fetchall():
    if r[0] < frm: prev = r[9]; continue
    if r[0] > to: break
    h = hashlib.sha256()
    for p in [prev, str(r[0]), r[1], str(r[2]), r[3], r[4], r[5], str(r[6]), r[7], r[8]]: h.update(p.encode() + b'\0')
    d = h.hexdigest()
    db.execute("UPDATE audit SET prev_hash=?, hash=? WHERE id=?", (prev, d, r[0]))
    prev = d
db.commit()
EOF
  fi
}
# the recomputation itself is right: on a chain written by the old scheme it passes (see 5)

N=$(sql "SELECT max(id) FROM audit")
H=$(sql "SELECT hash FROM audit WHERE id=$N")
run_check "$DB"
expect_eq "$RC" 0 "the demo database passes"
expect_contains "$T/check.out" "审计日志链头：第${N}条 $H"
if [ -z "${FZ_PG_BASE:-}" ]; then
  expect_eq "$(stat -c %a "$DB.key")" 600 "the key file beside the database is private (0600)"
fi

# 1. A clerk promoted to admin, her entry edited to match, and the chain
# recomputed as plain SHA-256: still found (the entries are HMACs).
CLERK=$(sql "SELECT id FROM users WHERE login='fuyi'")
E=$(sql "SELECT max(id) FROM audit WHERE kind='@users' AND rec_id=$CLERK")
D1=$(db_copy forged)
drop_triggers "$D1"
sql_on "$D1" "UPDATE users SET role='admin' WHERE id=$CLERK; UPDATE audit SET after=replace(after, '\"role\":\"clerk\"', '\"role\":\"admin\"') WHERE id=$E"
recompute "$D1" "$E"
run_check "$D1"
expect_eq "$RC" 1 "an edit with the chain recomputed without the key: exit status"
expect_contains "$T/check.out" "审计日志第${E}条：内容与哈希不符（已被修改）" "…the forged entry is named"
expect_not_contains "$T/check.out" '检查通过'

# 2. Two entries swapped (ids kept, contents exchanged).
D2=$(db_copy swapped)
drop_triggers "$D2"
sql_on "$D2" "UPDATE audit SET id=-1 WHERE id=10; UPDATE audit SET id=10 WHERE id=11; UPDATE audit SET id=11 WHERE id=-1"
run_check "$D2"
expect_eq "$RC" 1 "two entries swapped: exit status"
expect_contains "$T/check.out" '审计日志第10条：' "…entry 10 no longer fits"
expect_contains "$T/check.out" '审计日志第11条：'

# 3. The newest entry deleted together with the record it created: the
# chain that is left is whole, and only an anchor kept outside tells.
printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,示复〔2026〕链-1号,甲,乙,其他,2026-06-01,普通程序\n' >"$T/a.csv"
"$FAZHI" import --db "$DB" reconsideration "$T/a.csv" >/dev/null 2>&1 || fail "fazhi import"
run_check "$DB"
A_N=$(sed -n 's/^审计日志链头：第\([0-9]*\)条 \([0-9a-f]*\)$/\1/p' "$T/check.out")
A_H=$(sed -n 's/^审计日志链头：第\([0-9]*\)条 \([0-9a-f]*\)$/\2/p' "$T/check.out")
expect_eq "$A_N" "$((N+1))" "the head printed by check is the import's entry"
run_check "$DB" --anchor "$A_N:$A_H"
expect_eq "$RC" 0 "--anchor with the head just printed passes"
expect_contains "$T/check.out" "锚点相符：审计日志第${A_N}条的哈希为 $A_H"
D3=$(db_copy newest)
drop_triggers "$D3"
sql_on "$D3" "DELETE FROM reconsideration WHERE case_no='示复〔2026〕链-1号'; DELETE FROM audit WHERE id=$A_N"
run_check "$D3" --anchor "$A_N:$A_H"
expect_eq "$RC" 1 "the newest entry deleted with its record: --anchor fails"
expect_contains "$T/check.out" "锚点不符：审计日志没有第${A_N}条（现有${N}条）——日志在锚点之后被截断或删除"

# 4. The tail cut (three entries and what they wrote), against the anchor
# and against the frozen report's anchor in section 5 of 120.
for i in 2 3 4; do
  printf '所属部门,案号,申请人,被申请人,案件类别,收到申请日期,审理程序\n示范县司法局,示复〔2026〕链-%s号,甲,乙,其他,2026-06-01,普通程序\n' $i >"$T/b.csv"
  "$FAZHI" import --db "$DB" reconsideration "$T/b.csv" >/dev/null 2>&1 || fail "fazhi import $i"
done
T_N=$(sql "SELECT max(id) FROM audit"); T_H=$(sql "SELECT substr(hash, 1, 16) FROM audit WHERE id=$T_N")
D4=$(db_copy cut)
drop_triggers "$D4"
sql_on "$D4" "DELETE FROM reconsideration WHERE case_no IN ('示复〔2026〕链-2号','示复〔2026〕链-3号','示复〔2026〕链-4号'); DELETE FROM audit WHERE id>$((T_N-3))"
run_check "$D4"
expect_eq "$RC" 0 "the cut chain alone looks whole (documented: keep anchors outside)"
run_check "$D4" --anchor "$T_N:$T_H"
expect_eq "$RC" 1 "the tail cut: --anchor with a 16-digit prefix fails"
expect_contains "$T/check.out" "锚点不符：审计日志没有第${T_N}条"
run_check "$D4" --anchor "$((T_N-4)):0123456789abcdef"
expect_eq "$RC" 1 "a wrong hash at an entry that exists fails"
expect_contains "$T/check.out" "锚点不符：审计日志第$((T_N-4))条的哈希为"
"$FAZHI" check --db "$DB" --anchor 12x >"$T/bad.out" 2>&1
expect_eq "$?" 2 "a malformed --anchor is refused"
expect_contains "$T/bad.out" '--anchor 应为 条目号:哈希'

# 5. Without the key: check fails, and writing is refused in Chinese with
# nothing written.
D5=$(db_copy nokey)
KEEP_KEY=${FAZHI_KEY_FILE:-}
if [ -n "${FZ_PG_BASE:-}" ]; then FAZHI_KEY_FILE=$T/missing.key; else rm -f "$D5.key"; fi
run_check "$D5"
expect_eq "$RC" 1 "check without the key"
expect_contains "$T/check.out" '找不到审计密钥'
N5=$(sql_on "$D5" "SELECT count(*) FROM audit")
"$FAZHI" setting --db "$D5" county_gov 某县人民政府 >"$T/w.out" 2>&1
expect_eq "$?" 1 "a write without the key is refused"
expect_contains "$T/w.out" '以密钥签署，但找不到密钥' "…saying why, in Chinese"
expect_eq "$(sql_on "$D5" "SELECT count(*) FROM audit")" "$N5" "…and nothing is logged"
expect_eq "$(sql_on "$D5" "SELECT count(*) FROM setting WHERE name='county_gov'")" 0 "…nor written"
timeout 10 "$FAZHI" serve --db "$D5" --listen 127.0.0.1:1 >"$T/s.out" 2>&1
expect_eq "$?" 1 "the server does not start without the key"
expect_contains "$T/s.out" '找不到密钥' "…and says why"
if [ -n "${FZ_PG_BASE:-}" ]; then FAZHI_KEY_FILE=$KEEP_KEY; fi
# another key is no key
D5b=$(db_copy otherkey)
if [ -n "${FZ_PG_BASE:-}" ]; then
  FAZHI_KEY_FILE=$T/other.key
  printf '%s %s\n' 0000000000000000000000000000000000000000000000000000000000000000 1 >"$FAZHI_KEY_FILE"
else
  printf '%s %s\n' 0000000000000000000000000000000000000000000000000000000000000000 1 >"$D5b.key"
fi
run_check "$D5b"
expect_eq "$RC" 1 "check with another key fails"
expect_contains "$T/check.out" '审计日志第1条：内容与哈希不符'
N5b=$(sql_on "$D5b" "SELECT count(*) FROM audit")
"$FAZHI" setting --db "$D5b" county_gov 某县人民政府 >"$T/w.out" 2>&1
expect_eq "$?" 1 "a write with another key is refused"
expect_contains "$T/w.out" '不是用它签署的' "…saying the key does not sign the chain, in Chinese"
expect_eq "$(sql_on "$D5b" "SELECT count(*) FROM audit")" "$N5b" "…and nothing is logged with the wrong key"
timeout 10 "$FAZHI" serve --db "$D5b" --listen 127.0.0.1:1 >"$T/s.out" 2>&1
expect_eq "$?" 1 "the server does not start with another key"
expect_contains "$T/s.out" '不是用它签署的' "…and says why"
if [ -n "${FZ_PG_BASE:-}" ]; then FAZHI_KEY_FILE=$KEEP_KEY; fi

# 6a. A keyed chain whose key and marker were deleted (to turn the keyed
# chain off) and recomputed as plain SHA-256: its entries only a keyed
# version writes (guarded rows, login locks) give it away. check fails and
# writes are refused; no new key is made that would vouch for tampering.
D6=$(db_copy old)
drop_triggers "$D6"
sql_on "$D6" "DELETE FROM setting WHERE name='audit_key_from'"
recompute "$D6" 1
if [ -n "${FZ_PG_BASE:-}" ]; then FAZHI_KEY_FILE=$T/old.key; else rm -f "$D6.key"; fi
run_check "$D6"
expect_eq "$RC" 1 "a keyed chain stripped of its key and marker fails check"
expect_contains "$T/check.out" '是启用密钥之后才会写入的条目，但找不到审计密钥' "…saying the key was deleted"
"$FAZHI" setting --db "$D6" county_gov 示范县人民政府 >"$T/w6.out" 2>&1
expect_eq "$?" 1 "…and its next write is refused"
expect_contains "$T/w6.out" '密钥或其记录已被删除' "…in Chinese"
if [ -n "${FZ_PG_BASE:-}" ]; then expect_eq "$(test -s "$T/old.key" && echo made)" "" "…without making a key"
else expect_eq "$(test -e "$D6.key" && echo made)" "" "…without making a key"; fi

# 6. A database from before keys: a plain chain, no key, no marker, none
# of the entries only a keyed version writes (made here from 6a by
# dropping those and renumbering). It passes (and says it is not keyed
# yet); its next write keys it; then its old part rewritten without the
# key is found where it meets the keyed part.
sql_on "$D6" "DELETE FROM audit WHERE substr(kind, 1, 1)='@' OR (kind='' AND action IN ('login_lock','login_unlock','guard_start'));
  UPDATE audit SET id=-(SELECT count(*) FROM audit a2 WHERE a2.id<=audit.id); UPDATE audit SET id=-id" \
  || fail "making a plain chain"
recompute "$D6" 1
NOLD=$(sql_on "$D6" "SELECT max(id) FROM audit")
run_check "$D6"
expect_eq "$RC" 0 "a plain chain from before keys passes"
expect_contains "$T/check.out" '本库的审计日志尚未启用密钥'
"$FAZHI" setting --db "$D6" county_gov 示范县人民政府 >"$T/w6.out" 2>&1
expect_eq "$?" 0 "its next write goes through"
if [ -n "${FZ_PG_BASE:-}" ]; then KF=$FAZHI_KEY_FILE; else KF=$D6.key; fi
expect_eq "$(cut -d' ' -f2 "$KF")" "$((NOLD+1))" "…and makes the key, keyed from the next entry on"
expect_eq "$(sql_on "$D6" "SELECT count(*) FROM audit WHERE action='guard_start' AND kind='@users' AND id=$((NOLD+1))")" 1 \
  "…starting with a snapshot of the guarded tables (users first)"
run_check "$D6"
expect_eq "$RC" 0 "the upgraded database passes"
expect_contains "$T/check.out" "其中前${NOLD}条为启用密钥之前写入"
expect_contains "$T/check.out" '用户、部门、设置、节假日、报告版本、比较基准、双随机抽取、自定义台账定义共'
sql_on "$D6" "UPDATE users SET role='admin' WHERE login='fuyi'"
run_check "$D6"
expect_eq "$RC" 1 "after the upgrade a promoted clerk is found"
sql_on "$D6" "UPDATE users SET role='clerk' WHERE login='fuyi'; UPDATE audit SET after='x' WHERE id=5"
recompute "$D6" 5 "$NOLD"
run_check "$D6"
expect_eq "$RC" 1 "the old plain part rewritten and recomputed without the key"
expect_contains "$T/check.out" "审计日志第$((NOLD+1))条：前一条的哈希不符（链条断裂）" "…breaks where the keyed part begins"
if [ -n "${FZ_PG_BASE:-}" ]; then FAZHI_KEY_FILE=$KEEP_KEY; fi

run_check "$DB"
expect_eq "$RC" 0 "the original still passes"
finish
