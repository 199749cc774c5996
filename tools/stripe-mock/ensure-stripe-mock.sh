#!/usr/bin/env bash
# Builds stripe-mock (Stripe's own mock server, which validates every request against Stripe's
# OpenAPI spec) once, into a cache outside the checkout keyed by version, so clean clones and CI
# reuse it. Prints the binary's path. The payments service's gateway test runs against it, so a
# wrong parameter name fails a test instead of failing in production.
# The build and the cache are tools/build/ensure-go-tool.sh's (~/.cache/bigtix/tools/stripe-mock-<version>/).
#
# The version is pinned: a newer stripe-mock carries a newer spec, and a spec change should be a
# deliberate bump (with the `stripe` npm client) rather than a surprise in CI.
set -euo pipefail

STRIPE_MOCK_VERSION="${STRIPE_MOCK_VERSION:-v0.203.0}"

exec bash "$(dirname "${BASH_SOURCE[0]}")/../build/ensure-go-tool.sh" stripe-mock github.com/stripe/stripe-mock "$STRIPE_MOCK_VERSION"
