#!/bin/sh
# tools/deps.sh WHAT — installs the Debian 12 packages fazhi needs, only those missing.
#   build    compiler and -dev libraries (make, make demo)
#   test     + curl, jq, tidy, sqlite3, the sanitizer runtime and PostgreSQL
#            (its server binaries: tests start a throwaway cluster of their own),
#            LibreOffice and poppler (the Word report is opened and measured)
#   browser  + chromium and playwright-core (npm, into tests/browser/node_modules)
#   bench    + wrk
set -e
want="gcc make pkg-config libmicrohttpd-dev libsodium-dev libxlsxwriter-dev libzip-dev libxml2-dev libsqlite3-dev libpq-dev libcjson-dev libssl-dev libqrencode-dev"
case "$1" in
  test)    want="$want curl jq tidy sqlite3 unzip clang libclang-rt-14-dev postgresql libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei" ;;
  browser) want="chromium fonts-wqy-zenhei" ;;
  bench)   want="$want wrk sqlite3 postgresql" ;;
esac
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# node and npm: any install will do (NodeSource's nodejs bundles npm, and
# Debian's npm package then conflicts with it).
if [ "$1" = browser ]; then
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
if [ -n "$missing" ]; then
  echo "安装缺少的软件包 (installing missing packages):$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
if [ "$1" = browser ] && [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm install --no-audit --no-fund --silent playwright-core@1 >/dev/null)
fi
