#!/usr/bin/env bash
# Makes sure the dev database answers on 127.0.0.1:27017: builds FerretDB if it is not cached,
# starts PostgreSQL if it is down, creates the `ferretdb` database and starts FerretDB in the
# background. Idempotent: does nothing if the port already answers.
# MONGO_URL set to something else means another database is used and this script is skipped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

FERRETDB_PORT="${FERRETDB_PORT:-27017}"
PG_URL="${FERRETDB_POSTGRESQL_URL:-postgres://postgres@127.0.0.1:5432/ferretdb}"
CACHE_ROOT="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
RUN_DIR="$CACHE_ROOT/run"
mkdir -p "$RUN_DIR"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if port_open "$FERRETDB_PORT"; then
  exit 0
fi

bin="$("$here/build-ferretdb.sh")"

handler=postgresql
if command -v pg_lsclusters >/dev/null 2>&1; then
  if ! port_open 5432; then
    echo "ensure-dev-db: starting PostgreSQL" >&2
    for v in /etc/postgresql/*; do
      pg_ctlcluster --skip-systemctl-redirect "$(basename "$v")" main start || true
    done
    for _ in $(seq 1 50); do port_open 5432 && break; sleep 0.2; done
  fi
  if ! psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='ferretdb'" postgres | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -c "create database ferretdb" postgres >/dev/null
  fi
else
  echo "ensure-dev-db: no PostgreSQL here; falling back to FerretDB's SQLite backend (slower)" >&2
  handler=sqlite
fi

args=(--listen-addr="127.0.0.1:$FERRETDB_PORT" --telemetry=disable --log-level=warn
      --state-dir="$RUN_DIR" --handler="$handler")
if [ "$handler" = postgresql ]; then
  args+=(--postgresql-url="$PG_URL")
else
  mkdir -p "$RUN_DIR/sqlite"
  args+=(--sqlite-url="file:$RUN_DIR/sqlite/")
fi

echo "ensure-dev-db: starting FerretDB ($handler) on 127.0.0.1:$FERRETDB_PORT" >&2
# setsid: its own session, so it outlives the shell or job that happened to start it.
setsid nohup "$bin" "${args[@]}" >>"$RUN_DIR/ferretdb.log" 2>&1 < /dev/null &
echo $! > "$RUN_DIR/ferretdb.pid"
for _ in $(seq 1 100); do
  port_open "$FERRETDB_PORT" && exit 0
  sleep 0.1
done
echo "ensure-dev-db: FerretDB did not start; see $RUN_DIR/ferretdb.log" >&2
exit 1
