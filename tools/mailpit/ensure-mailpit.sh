#!/usr/bin/env bash
# Builds Mailpit (a local SMTP server that keeps every message it receives and shows them in a
# web UI and an HTTP API) once, into a cache outside the checkout keyed by version, so clean
# clones and CI reuse it. Prints the binary's path. `make dev` sends the services' email to it;
# tests start one per suite (@bigtix/testkit startMailpit) and read the mail through its API.
#
# The version is pinned so a Mailpit upgrade (its API is what the tests read) is a deliberate bump.
set -euo pipefail

MAILPIT_VERSION="${MAILPIT_VERSION:-v1.33.1}"
CACHE_ROOT="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
OUT_DIR="$CACHE_ROOT/tools/mailpit-$MAILPIT_VERSION"
BIN="$OUT_DIR/mailpit"

if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null || { echo "ensure-mailpit: Go is required to build Mailpit" >&2; exit 1; }

mkdir -p "$OUT_DIR"
echo "ensure-mailpit: building Mailpit $MAILPIT_VERSION from the Go module proxy (once; cached at $OUT_DIR)" >&2
# GOBIN puts the binary straight into the cache; a temp name then a rename keeps a half-written
# binary from ever being taken for a finished one. CGO off: Mailpit's SQLite is pure Go.
tmp="$(mktemp -d "$OUT_DIR/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -trimpath "github.com/axllent/mailpit@$MAILPIT_VERSION"
mv "$tmp/mailpit" "$BIN"
echo "$BIN"
