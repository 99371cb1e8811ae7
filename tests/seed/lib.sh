# tests/seed/lib.sh — shared by the seed tests (000.sh, 001.sh, 002.sh):
# a fresh county on SQLite or, with FZ_PG_BASE, in a new PostgreSQL
# database; checks that print one line each; the import of a fixture.
# The caller sets FZ (the binary), HERE, FAZHI_TODAY and COUNTY first.
set -u
case $FZ in /*) ;; *) FZ=$(pwd)/$FZ ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-seed.XXXXXX")
SPID=""
PGDB=""
cleanup(){
  if [ -n "$SPID" ]; then kill "$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null; fi
  if [ -n "$PGDB" ]; then psql -q "$FZ_PG_BASE dbname=postgres" -c "DROP DATABASE IF EXISTS $PGDB" >/dev/null 2>&1; fi
  rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
export FAZHI_TODAY FAZHI_QUIET=1
P=0; F=0
pass(){ P=$((P+1)); printf 'ok    %s\n' "$*"; }
fail(){ F=$((F+1)); printf 'FAIL  %s\n' "$*"; }
info(){ printf 'info  %s\n' "$*"; }
eq(){     # LABEL EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then pass "$1: $3"; else fail "$1: expected “$2”, got “$3”"; fi
}
has(){    # LABEL FILE TEXT
  if grep -qF -- "$3" "$2"; then pass "$1 states “$3”"; else fail "$1 does not state “$3”"; fi
}
lacks(){  # LABEL FILE TEXT
  if grep -qF -- "$3" "$2"; then fail "$1 states “$3”, which it must not"; else pass "$1 does not state “$3”"; fi
}
# no_zero_counts LABEL FILE [ALLOWED]: chapter 一 never states a count of 0
# ("审结0件") except ALLOWED, a zero the seed itself states
no_zero_counts(){
  z=$(sed -n '/^## 一、/,/^## 二、/p' "$2" | sed "s/${3:-^$}//g" | grep -oE '[^0-9.（/]0(件|项|个|次|人次|人|条|份|名|期|场次|篇|卷)' | head -3 | tr '\n' ' ')
  if [ -z "$z" ]; then pass "$1 states no count of 0"; else fail "$1 states a count of 0: $z"; fi
}
finish(){ echo "$P passed, $F failed"; [ "$F" -eq 0 ]; exit $?; }
# pct N D: N/D as a percentage rounded half up to one decimal
pct(){ awk -v n="$1" -v d="$2" 'BEGIN{ x = int(n*1000/d + 0.5); printf "%d.%d", x/10, x%10 }'; }
# chk TEXT STATED COMPUTED: the seed's own arithmetic, as an info line
chk(){
  if [ "$2" = "$3" ]; then info "seed ✓ $1: stated $2, computed $3"
  else info "seed ✗ $1: stated $2, computed $3 — CONTRADICTION"; fi
}

[ -x "$FZ" ] || { fail "no executable $FZ (run make first)"; finish; }
if [ -n "${FZ_PG_BASE:-}" ]; then
  PGDB=seed_${SEED:-x}_$$
  DB="$FZ_PG_BASE dbname=$PGDB"
  # the audit chain's key, outside the database
  if [ -z "${FAZHI_KEY_FILE:-}" ] && [ -z "${FAZHI_KEY:-}" ]; then FAZHI_KEY_FILE=$T/pg.key; export FAZHI_KEY_FILE; fi
  psql -q "$FZ_PG_BASE dbname=postgres" -c "CREATE DATABASE $PGDB" || { PGDB=""; fail "CREATE DATABASE"; finish; }
else
  DB=$T/s.db
fi

# county_init: the county and its justice bureau (fazhi init); ADMIN_PW.
county_init(){
  if ! "$FZ" init --db "$DB" --county "$COUNTY" --admin admin >"$T/init.out" 2>&1; then
    fail "fazhi init: $(cat "$T/init.out")"; finish
  fi
  ADMIN_PW=$(sed -n 's/^一次性密码：//p' "$T/init.out")
}

# import_spec SPEC: writes the spec's CSVs (rows.awk) and imports each
# through `fazhi import`, checking the count it reports.
import_spec(){
  rm -rf "$T/spec"; mkdir -p "$T/spec"
  awk -v out="$T/spec" -f "$HERE/dates.awk" -f "$HERE/rows.awk" "$1" || { fail "rows.awk $1"; return; }
  for k in $(cat "$T/spec/ORDER"); do
    f=$T/spec/$k.csv
    n=$(($(wc -l <"$f") - 1))
    out=$("$FZ" import --db "$DB" "$k" "$f" 2>&1); rc=$?
    case $out in
      "导入成功："*" ${n}条") pass "import $k: $out" ;;
      *) fail "import $k (rc $rc, $n rows): $(echo "$out" | head -5 | tr '\n' ' ')" ;;
    esac
  done
}

# fixture_report SPEC YEAR: imports SPEC, checks the database (fazhi
# check) and drafts YEAR's report into $MD.
fixture_report(){
  import_spec "$1"
  out=$("$FZ" check --db "$DB" 2>&1); rc=$?
  if [ $rc -eq 0 ]; then pass "fazhi check after the import"; else fail "fazhi check (rc $rc): $out"; fi
  MD=$T/r.md
  report_md "$2" "$MD"
}

# report_md YEAR FILE
report_md(){
  "$FZ" report --db "$DB" --year "$1" --format md -o "$2" >"$T/rep.out" 2>&1 \
    || fail "fazhi report --format md: $(cat "$T/rep.out")"
  touch "$2"
}
