#!/bin/sh
# tests/http/142-install.sh
# Running it for real (issue 13 §8): `make install DESTDIR=… [PREFIX=…]`
# puts the binary, the systemd units (with the install paths filled in) and
# a private /var/lib/fazhi under DESTDIR, and touches nothing outside it
# (no system user is created). The unit files pass `systemd-analyze verify`
# where that tool is available. No server is needed. `-o all`: the binary
# under test is installed as built, never rebuilt (a sanitizer build stays one).
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# the build directory of the binary under test, relative to the checkout
BDIR=$(dirname "$FAZHI"); BDIR=${BDIR#"$ROOT"/}
if [ ! -f "$ROOT/Makefile" ] || [ ! -x "$ROOT/$BDIR/fazhi" ]; then
  fail "cannot find the checkout ($ROOT) or the binary's build directory ($BDIR)"; finish
fi
USER_BEFORE=$(getent passwd fazhi >/dev/null 2>&1 && echo yes || echo no)

D=$T/stage
make -s -C "$ROOT" -o all install B="$BDIR" DESTDIR="$D" >"$T/install.out" 2>&1
expect_eq "$?" 0 "make install DESTDIR=…"
check "the binary is installed to /usr/local/bin" test -x "$D/usr/local/bin/fazhi"
cmp -s "$D/usr/local/bin/fazhi" "$FAZHI"; expect_eq "$?" 0 "…and is the binary built"
U=$D/etc/systemd/system
for u in fazhi.service fazhi-backup.service fazhi-backup.timer; do
  check "unit $u installed" test -f "$U/$u"
  expect_not_contains "$U/$u" '@BINDIR@'
  expect_not_contains "$U/$u" '@STATEDIR@'
done
expect_contains "$U/fazhi.service" 'ExecStart=/usr/local/bin/fazhi serve --db ${FAZHI_DB}'
expect_contains "$U/fazhi.service" 'User=fazhi'
expect_contains "$U/fazhi.service" 'Environment=FAZHI_DB=/var/lib/fazhi/fazhi.db'
expect_contains "$U/fazhi-backup.service" '/usr/local/bin/fazhi backup --db'
expect_contains "$U/fazhi-backup.timer" 'OnCalendar='
check "data folder /var/lib/fazhi" test -d "$D/var/lib/fazhi"
expect_eq "$(stat -c %a "$D/var/lib/fazhi")" 700 "data folder mode"
expect_eq "$(stat -c %a "$D/var/lib/fazhi/backup")" 700 "backup folder mode"
expect_eq "$(getent passwd fazhi >/dev/null 2>&1 && echo yes || echo no)" "$USER_BEFORE" \
  "no system user created when DESTDIR is set"

# PREFIX is honoured, in the path and in the unit.
D2=$T/stage2
make -s -C "$ROOT" -o all install B="$BDIR" DESTDIR="$D2" PREFIX=/opt/fazhi >"$T/install2.out" 2>&1
expect_eq "$?" 0 "make install PREFIX=/opt/fazhi"
check "binary under PREFIX" test -x "$D2/opt/fazhi/bin/fazhi"
expect_contains "$D2/etc/systemd/system/fazhi.service" 'ExecStart=/opt/fazhi/bin/fazhi serve'

# The installed service, run by hand as the unit would: init, serve, backup.
"$D/usr/local/bin/fazhi" init --db "$D/var/lib/fazhi/fazhi.db" --county 安装县 >"$T/init.out" 2>&1
expect_eq "$?" 0 "the installed binary creates a county in the data folder"

if command -v systemd-analyze >/dev/null 2>&1; then
  # verify needs the ExecStart binaries at their paths: check a copy whose
  # paths point into the staging folder.
  mkdir -p "$T/units"
  for u in fazhi.service fazhi-backup.service fazhi-backup.timer; do
    sed "s|/usr/local/bin/fazhi|$D/usr/local/bin/fazhi|g" "$U/$u" >"$T/units/$u"
  done
  systemd-analyze verify "$T/units/fazhi.service" "$T/units/fazhi-backup.service" "$T/units/fazhi-backup.timer" \
    >"$T/verify.out" 2>&1
  # Complaints about the machine (no user fazhi here, no running systemd)
  # are not about the files.
  grep -viE 'fazhi.*(user|group)|not booted|Failed to (connect|prepare|initialize)|System has not been booted|Cannot add dependency|ProtectHome|ProtectSystem' \
    "$T/verify.out" | grep -iE 'error|invalid|unknown|ignoring' >"$T/verify.bad"
  if [ -s "$T/verify.bad" ]; then
    fail "systemd-analyze verify found problems in the unit files"; sed 's/^/     | /' "$T/verify.bad"
  else
    pass "systemd-analyze verify"
  fi
fi
finish
