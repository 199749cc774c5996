#!/usr/bin/env bash
# Builds FerretDB (a MongoDB wire-protocol server on PostgreSQL) once, into a cache outside the
# checkout keyed by version, so clean clones and CI reuse it. Prints the binary's path.
#
# Why not `go install .../cmd/ferretdb@vX`: the module zip lacks build/version/version.txt,
# which FerretDB embeds, and the installed binary panics at start. We build from a copy of the
# downloaded module with that file written.
set -euo pipefail

FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
CACHE_ROOT="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
here="$(cd "$(dirname "$0")" && pwd)"
# Our patches (ferretdb-patches/*.patch, applied in name order) are part of the cache key, so a
# changed patch builds a new binary beside the old one.
patches=("$here"/ferretdb-patches/*.patch)
[ -e "${patches[0]}" ] || patches=()
patch_key=""
if [ "${#patches[@]}" -gt 0 ]; then
  patch_key="-p$(cat "${patches[@]}" | sha256sum | cut -c1-12)"
fi
OUT_DIR="$CACHE_ROOT/ferretdb-$FERRETDB_VERSION$patch_key"
BIN="$OUT_DIR/ferretdb"

if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null || { echo "build-ferretdb: Go is required to build the dev database" >&2; exit 1; }

mkdir -p "$OUT_DIR"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

echo "build-ferretdb: downloading FerretDB $FERRETDB_VERSION from the Go module proxy" >&2
mod_dir="$(cd "$work" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$mod_dir" ] || { echo "build-ferretdb: module download failed" >&2; exit 1; }

cp -R "$mod_dir" "$work/src"
chmod -R u+w "$work/src"
mkdir -p "$work/src/build/version"
printf '%s' "$FERRETDB_VERSION" > "$work/src/build/version/version.txt"
for p in "${patches[@]}"; do
  echo "build-ferretdb: applying $(basename "$p")" >&2
  patch -s -p1 -d "$work/src" < "$p"
done

echo "build-ferretdb: compiling (once; cached at $OUT_DIR)" >&2
(cd "$work/src" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
mv "$BIN.tmp" "$BIN"
echo "$BIN"
