#!/usr/bin/env bash
# Builds stripe-mock (Stripe's own mock server, which validates every request against Stripe's
# OpenAPI spec) once, into a cache outside the checkout keyed by version, so clean clones and CI
# reuse it. Prints the binary's path. The payments service's gateway test runs against it, so a
# wrong parameter name fails a test instead of failing in production.
#
# The version is pinned: a newer stripe-mock carries a newer spec, and a spec change should be a
# deliberate bump (with the `stripe` npm client) rather than a surprise in CI.
set -euo pipefail

STRIPE_MOCK_VERSION="${STRIPE_MOCK_VERSION:-v0.203.0}"
CACHE_ROOT="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
OUT_DIR="$CACHE_ROOT/tools/stripe-mock-$STRIPE_MOCK_VERSION"
BIN="$OUT_DIR/stripe-mock"

if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null || { echo "ensure-stripe-mock: Go is required to build stripe-mock" >&2; exit 1; }

mkdir -p "$OUT_DIR"
echo "ensure-stripe-mock: building stripe-mock $STRIPE_MOCK_VERSION from the Go module proxy (once; cached at $OUT_DIR)" >&2
# GOBIN puts the binary straight into the cache; a temp name then a rename keeps a half-written
# binary from ever being taken for a finished one.
tmp="$(mktemp -d "$OUT_DIR/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -trimpath "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION"
mv "$tmp/stripe-mock" "$BIN"
echo "$BIN"
