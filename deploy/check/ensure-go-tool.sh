#!/usr/bin/env bash
# Builds a Go-based CLI (helm, actionlint) once from the Go module proxy into a cache outside the
# checkout, keyed by version, and prints the binary's path: tools/build/ensure-go-tool.sh, with
# the cache root this script has always used (it never followed XDG_CACHE_HOME), so a helm
# built before is found where it is and the multi-minute build is paid once per version.
#
# usage: ensure-go-tool.sh <name> <module/cmd/path> <version>
#   e.g. ensure-go-tool.sh helm helm.sh/helm/v3/cmd/helm v3.21.4
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIGTIX_CACHE_DIR="${BIGTIX_CACHE_DIR:-$HOME/.cache/bigtix}" exec bash "$root/tools/build/ensure-go-tool.sh" "$@"
