#!/usr/bin/env bash
# Builds a Go command once from the Go module proxy (`go install <package>@<version>`) into a
# cache outside the checkout, keyed by version, and prints the binary's path. Clean clones, CI
# and every worktree on the machine reuse it, so a multi-minute build (helm) is paid once per
# version. The one build step behind tools/mailpit/ensure-mailpit.sh,
# tools/stripe-mock/ensure-stripe-mock.sh and deploy/check/ensure-go-tool.sh (helm, actionlint).
#
# usage: ensure-go-tool.sh <name> <package> <version>
#   e.g. ensure-go-tool.sh helm helm.sh/helm/v3/cmd/helm v3.21.4
#   <name> is the binary `go install` makes (the package's last path element).
# Cache: ${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/bigtix}/tools/<name>-<version>/<name>.
# Messages go to stderr, prefixed `ensure-<name>:`; stdout is only the path.
set -euo pipefail

name="${1:?usage: ensure-go-tool.sh <name> <package> <version>}"
pkg="${2:?usage: ensure-go-tool.sh <name> <package> <version>}"
version="${3:?usage: ensure-go-tool.sh <name> <package> <version>}"
say() { echo "ensure-$name: $*" >&2; }

cache_root="${BIGTIX_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bigtix}"
out_dir="$cache_root/tools/$name-$version"
bin="$out_dir/$name"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || {
  say "Go is required to build $name $version (once, from the Go module proxy)"
  exit 1
}

mkdir -p "$out_dir"
say "building $name $version from the Go module proxy (once; cached at $out_dir)"
# GOBIN puts the binary in a temp dir beside the cache entry; the rename (same filesystem) keeps
# a half-written binary from ever being taken for a finished one, also when two builds race.
tmp="$(mktemp -d "$out_dir/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# CGO off: static binaries like upstream releases (Mailpit's SQLite is pure Go). -mod=mod: a
# GOFLAGS=-mod=vendor in the caller's environment would refuse a package@version install.
# nice: the machine is shared with other builds and tests.
GOBIN="$tmp" CGO_ENABLED=0 GOFLAGS=-mod=mod nice -n 10 go install -trimpath "$pkg@$version" >&2
mv "$tmp/$name" "$bin"
echo "$bin"
