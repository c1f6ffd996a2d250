#!/usr/bin/env bash
# Backs up and restores Rake's database, read from the same settings as the Host (docs/adr/0128).
#   scripts/backup.sh backup  FILE   online: the Hosts keep running (SQLite's backup API; pg_dump's snapshot)
#   scripts/backup.sh restore FILE   into an empty or missing database; start the Hosts afterwards
# Settings: Database__Provider (Sqlite|Postgres, default Sqlite) and Database__ConnectionString (default
# "Data Source=data/rake.db"), or --provider P --connection CS before the subcommand.
# PostgreSQL: the newest /usr/lib/postgresql/*/bin (or RAKE_PG_BIN) must not be older than the server.
set -euo pipefail

provider="${Database__Provider:-Sqlite}"
connection="${Database__ConnectionString:-Data Source=data/rake.db}"
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider="$2"; shift 2 ;;
    --connection) connection="$2"; shift 2 ;;
    *) break ;;
  esac
done
command="${1:-}"
file="${2:-}"
if [ -z "$command" ] || [ -z "$file" ]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi

# Reads one key of an ADO.NET connection string (keys compared case-insensitively, spaces in keys ignored).
setting() {
  local part key value name
  IFS=';' read -ra parts <<<"$connection"
  for part in "${parts[@]}"; do
    key="${part%%=*}"; value="${part#*=}"
    key="$(echo "$key" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    for name in "$@"; do
      if [ "$key" = "$name" ]; then echo "$value"; return; fi
    done
  done
}

sqlite_file() {
  local source
  source="$(setting datasource filename)"
  [ -n "$source" ] || { echo "No Data Source in the connection string." >&2; exit 2; }
  echo "$source"
}

pg_env() {
  # libpq reads these; the password never appears on a command line.
  PGHOST="$(setting host server)"; PGPORT="$(setting port)"; PGUSER="$(setting username userid user)"
  PGPASSWORD="$(setting password)"; PGDATABASE="$(setting database)"
  export PGHOST PGPORT="${PGPORT:-5432}" PGUSER PGPASSWORD PGDATABASE
  [ -n "$PGPASSWORD" ] || unset PGPASSWORD
  [ -n "$PGDATABASE" ] || { echo "No Database in the connection string." >&2; exit 2; }
  BIN="${RAKE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
  [ -x "$BIN/pg_dump" ] || { echo "pg_dump not found (install postgresql-client or set RAKE_PG_BIN)." >&2; exit 2; }
}

case "$(echo "$provider" | tr '[:upper:]' '[:lower:]'):$command" in
  sqlite:backup)
    db="$(sqlite_file)"
    [ -f "$db" ] || { echo "No database at $db." >&2; exit 1; }
    # .backup uses SQLite's online backup API: a consistent copy, WAL included, while the Hosts write.
    tmp="$file.partial"
    rm -f "$tmp"
    sqlite3 "$db" ".timeout 30000" ".backup '$tmp'"
    mv -f "$tmp" "$file"
    ;;
  sqlite:restore)
    db="$(sqlite_file)"
    [ -f "$file" ] || { echo "No backup at $file." >&2; exit 1; }
    if [ -s "$db" ] && [ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type='table'")" != 0 ]; then
      echo "$db already holds tables: restore into a new file (or move this one away with the Hosts stopped)." >&2
      exit 1
    fi
    mkdir -p "$(dirname "$db")"
    rm -f "$db-wal" "$db-shm"
    sqlite3 "$db" ".timeout 30000" ".restore '$file'"
    ;;
  postgres:backup)
    pg_env
    # -Fc: compressed custom format that pg_restore can restore selectively; one snapshot, no lock on writers.
    "$BIN/pg_dump" -Fc --no-owner --no-privileges -f "$file.partial"
    mv -f "$file.partial" "$file"
    ;;
  postgres:restore)
    pg_env
    [ -f "$file" ] || { echo "No backup at $file." >&2; exit 1; }
    target="$PGDATABASE"
    exists="$("$BIN/psql" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${target//\'/\'\'}'")"
    if [ "$exists" = 1 ]; then
      tables="$("$BIN/psql" -tAc "SELECT count(*) FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")"
      if [ "$tables" != 0 ]; then
        echo "Database $target already holds tables: restore into a new database name." >&2
        exit 1
      fi
    else
      "$BIN/createdb" "$target"
    fi
    "$BIN/pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction -d "$target" "$file"
    ;;
  *)
    echo "Unknown provider or command: $provider $command (Sqlite|Postgres, backup|restore)." >&2
    exit 2
    ;;
esac
echo "$command done: $file"
