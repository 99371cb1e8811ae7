#!/bin/sh
# tools/pgtmp.sh — a throwaway PostgreSQL cluster for tests and benchmarks.
#
#   eval "$(sh tools/pgtmp.sh start)"   starts one: sets FZ_PG_DIR, FZ_PG_PID,
#                                       FZ_PG_BASE (conninfo without a database)
#                                       and FZ_PG (the same for database "fazhi")
#   sh tools/pgtmp.sh createdb NAME     another database in the same cluster
#   sh tools/pgtmp.sh stop              stops it by its PID and deletes it
#
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, on a
# free port, trusts local connections (it holds test data only) and runs
# with fsync off (FZ_PG_OPTS adds server options, e.g. "-c shared_buffers=2GB").
# PostgreSQL refuses to run as root: as root it runs as the
# "postgres" user of Debian's package.
set -eu
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL服务端未安装（postgresql）" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$PGBIN/initdb" -D "$dir/data" -U fazhi -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  # a free port: ask the kernel for one, then let PostgreSQL take it
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
         || echo $((20000 + $$ % 20000)))
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${FZ_PG_OPTS:-}" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  pid=$(head -n 1 "$dir/data/postmaster.pid")
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U fazhi fazhi
  echo "FZ_PG_DIR='$dir'; FZ_PG_PID=$pid; FZ_PG_PORT=$port; FZ_PG_BASE='host=127.0.0.1 port=$port user=fazhi';"
  echo "FZ_PG='host=127.0.0.1 port=$port user=fazhi dbname=fazhi'; export FZ_PG_DIR FZ_PG_PID FZ_PG_PORT FZ_PG_BASE FZ_PG"
  ;;
createdb)
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$FZ_PG_PORT" -U fazhi "$2"
  ;;
stop)
  [ -n "${FZ_PG_PID:-}" ] && kill -INT "$FZ_PG_PID" 2>/dev/null || true
  # wait for the postmaster to go (fast shutdown), then remove the folder
  i=0; while [ -n "${FZ_PG_PID:-}" ] && kill -0 "$FZ_PG_PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
  [ -n "${FZ_PG_DIR:-}" ] && rm -rf "$FZ_PG_DIR"
  ;;
*) echo "usage: $0 start|createdb NAME|stop" >&2; exit 2 ;;
esac
