#!/usr/bin/env bash
# Builds Mailpit (a local SMTP server that keeps every message it receives and shows them in a
# web UI and an HTTP API) once, into a cache outside the checkout keyed by version, so clean
# clones and CI reuse it. Prints the binary's path. `make dev` sends the services' email to it;
# tests start one per suite (@bigtix/testkit startMailpit) and read the mail through its API.
# The build and the cache are tools/build/ensure-go-tool.sh's (~/.cache/bigtix/tools/mailpit-<version>/).
#
# The version is pinned so a Mailpit upgrade (its API is what the tests read) is a deliberate bump.
set -euo pipefail

MAILPIT_VERSION="${MAILPIT_VERSION:-v1.33.1}"

exec bash "$(dirname "${BASH_SOURCE[0]}")/../build/ensure-go-tool.sh" mailpit github.com/axllent/mailpit "$MAILPIT_VERSION"
