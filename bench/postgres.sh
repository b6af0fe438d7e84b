#!/usr/bin/env bash
# The benchmark of bench/run.sh on PostgreSQL beside SQLite: runs it once on the default SQLite
# store and once on a throwaway PostgreSQL (Debian's package, installed when missing, in a
# temporary directory, durable: fsync and synchronous_commit on), and prints both result tables.
# Usage: bench/postgres.sh [duration-seconds]   (as root, like the CI machine)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-15}
PG_PORT=15432

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian package)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
fi
PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PG_DIR=$(mktemp -d)
chown postgres "$PG_DIR"
as_postgres() { runuser -u postgres -- "$@"; }
cleanup() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap cleanup EXIT
as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/pg.log" \
  -o "-p $PG_PORT -k $PG_DIR -c fsync=on -c synchronous_commit=on -c max_connections=100" start >/dev/null
as_postgres "$PG_BIN/psql" -h "$PG_DIR" -p $PG_PORT -U postgres -qc "CREATE DATABASE leverans_bench" >/dev/null

echo "=== SQLite (storage.type sqlite) ==="
bench/run.sh "$DURATION" | tail -8
echo
echo "=== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on the same machine (storage.type postgresql) ==="
LEVERANS_STORAGE=postgresql LEVERANS_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/leverans_bench" LEVERANS_DB_USER=postgres \
  bench/run.sh "$DURATION" | tail -8
