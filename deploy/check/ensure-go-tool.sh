#!/usr/bin/env bash
# Builds a Go-based CLI once from the Go module proxy into a cache outside the checkout, keyed by
# version, and prints the binary's path. Clean clones and CI runs on the same machine reuse it,
# so the multi-minute helm build is paid once per version.
#
# usage: ensure-go-tool.sh <name> <module/cmd/path> <version>
#   e.g. ensure-go-tool.sh helm helm.sh/helm/v3/cmd/helm v3.21.4
set -euo pipefail

name="${1:?tool name}"
pkg="${2:?go package path}"
version="${3:?version}"

cache_root="${BIGTIX_CACHE_DIR:-$HOME/.cache/bigtix}"
out_dir="$cache_root/tools/$name-$version"
bin="$out_dir/$name"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || {
  echo "ensure-go-tool: Go is required to build $name $version (install Go, or put $name on PATH)" >&2
  exit 1
}

mkdir -p "$out_dir"
tmp_bin="$(mktemp -d)"
trap 'rm -rf "$tmp_bin"' EXIT
echo "ensure-go-tool: building $name $version from the Go module proxy (once; cached at $out_dir)" >&2
# nice: the machine is shared with other builds; CGO off gives a static binary like upstream releases.
CGO_ENABLED=0 GOBIN="$tmp_bin" nice -n 10 go install -trimpath "$pkg@$version" >&2
mv "$tmp_bin/$name" "$bin.tmp"
mv "$bin.tmp" "$bin"
echo "$bin"
