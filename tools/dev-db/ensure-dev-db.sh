#!/usr/bin/env bash
# Makes sure the dev database answers on 127.0.0.1:27017: builds FerretDB if it is not cached,
# starts PostgreSQL if it is down, creates the `ferretdb` database and starts FerretDB in the
# background. Idempotent. Every run (also when FerretDB already answers) applies
# gin-indexes.sql to the PostgreSQL database, which makes FerretDB's equality filters use indexes.
# A private instance for experiments: FERRETDB_PORT, BIGTIX_CACHE_DIR, FERRETDB_POSTGRESQL_URL.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

FERRETDB_PORT="${FERRETDB_PORT:-27017}"
PG_URL="${FERRETDB_POSTGRESQL_URL:-postgres://postgres@127.0.0.1:5432/ferretdb}"
CACHE_ROOT="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
RUN_DIR="$CACHE_ROOT/run"
# FerretDB's metrics/pprof listener: off for a second instance, whose default port would clash.
if [ "$FERRETDB_PORT" = 27017 ]; then
  FERRETDB_DEBUG_ADDR="${FERRETDB_DEBUG_ADDR:-127.0.0.1:8088}"
else
  FERRETDB_DEBUG_ADDR="${FERRETDB_DEBUG_ADDR:--}"
fi
mkdir -p "$RUN_DIR"

# psql gets the URL without its query: pgx-only parameters (pool_max_conns=…) would fail libpq.
PG_PSQL_URL="${PG_URL%%\?*}"
PG_DB="${PG_PSQL_URL##*/}"
PG_ADMIN_URL="${PG_PSQL_URL%/*}/postgres"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Idempotent, and safe while FerretDB runs; new FerretDB connections get the plan cache mode.
apply_gin_indexes() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -1 -f "$here/gin-indexes.sql" "$PG_PSQL_URL" >/dev/null
  # Outside that transaction: the sweep commits table by table.
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -c "CALL bigtix_dev_db.sweep()" "$PG_PSQL_URL" >/dev/null
}

bin="$("$here/build-ferretdb.sh")"

# A FerretDB this script started from another build (an older patch set, e.g. before the $in
# pushdown) is restarted: tests and benchmarks rely on what the project's patches do.
if port_open "$FERRETDB_PORT" && [ -f "$RUN_DIR/ferretdb.pid" ]; then
  running="$(readlink -f "/proc/$(cat "$RUN_DIR/ferretdb.pid")/exe" 2>/dev/null || true)"
  if [ -n "$running" ] && [ "$running" != "$(readlink -f "$bin")" ]; then
    echo "ensure-dev-db: restarting FerretDB (it runs $running; the project builds $bin)" >&2
    bash "$here/stop-dev-db.sh"
    for _ in $(seq 1 100); do port_open "$FERRETDB_PORT" || break; sleep 0.1; done
  fi
fi

if port_open "$FERRETDB_PORT"; then
  if command -v psql >/dev/null 2>&1 && psql -X -tAc "select 1" "$PG_PSQL_URL" >/dev/null 2>&1; then
    apply_gin_indexes
  fi
  exit 0
fi

handler=postgresql
if command -v pg_lsclusters >/dev/null 2>&1; then
  if ! port_open 5432; then
    echo "ensure-dev-db: starting PostgreSQL" >&2
    for v in /etc/postgresql/*; do
      pg_ctlcluster --skip-systemctl-redirect "$(basename "$v")" main start || true
    done
    for _ in $(seq 1 50); do port_open 5432 && break; sleep 0.2; done
  fi
  if ! psql -X -tAc "select 1 from pg_database where datname='$PG_DB'" "$PG_ADMIN_URL" | grep -q 1; then
    psql -X -c "create database \"$PG_DB\"" "$PG_ADMIN_URL" >/dev/null
  fi
  apply_gin_indexes
else
  echo "ensure-dev-db: no PostgreSQL here; falling back to FerretDB's SQLite backend (slower)" >&2
  handler=sqlite
fi

args=(--listen-addr="127.0.0.1:$FERRETDB_PORT" --telemetry=disable --log-level="${FERRETDB_LOG_LEVEL:-warn}"
      --debug-addr="$FERRETDB_DEBUG_ADDR" --state-dir="$RUN_DIR" --handler="$handler")
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
