#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server for the tests, on 127.0.0.1 only, and prints its connection string.
# Usage: scripts/postgres.sh start|stop
set -euo pipefail
PORT="${RAKE_PG_PORT:-55432}"
DATA="${RAKE_PG_DATA:-/tmp/rake-postgres}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-start}" in
  start)
    if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
      rm -rf "$DATA" && mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      as_postgres "'$BIN/initdb' -D '$DATA' -U rake --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
      # fsync off: a test database that is thrown away needs no crash safety, and it makes the run much faster.
      options="-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$DATA'"
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
      as_postgres "'$BIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w -o \"$options\" start" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$PORT;Username=rake;Database=postgres;Pooling=true;Maximum Pool Size=20"
    ;;
  stop)
    as_postgres "'$BIN/pg_ctl' -D '$DATA' -m fast stop" >/dev/null 2>&1 || true
    ;;
esac
