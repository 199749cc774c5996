#!/usr/bin/env bash
# Stops the FerretDB started by ensure-dev-db.sh (PostgreSQL and its data stay).
set -euo pipefail
CACHE_ROOT="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
pid_file="$CACHE_ROOT/run/ferretdb.pid"
[ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
rm -f "$pid_file"
