#!/usr/bin/env bash
# Forwards Stripe test-mode webhooks to the local site. Prints the signing secret (whsec_...):
# put it in STRIPE_WEBHOOK_SECRET (make init) so payments accepts the forwarded events.
# STRIPE_FORWARD_URL overrides the target, e.g. http://bigtix.localhost/api/webhooks/stripe for kind.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v stripe >/dev/null 2>&1 || {
  echo "stripe-dev: the Stripe CLI is not installed: https://docs.stripe.com/stripe-cli" >&2
  echo "stripe-dev: without it, 'make dev' uses the fake Stripe server (tools/fake-stripe), which sends signed webhooks itself." >&2
  exit 1
}

# The events payments consumes; the rest would only be acknowledged and dropped.
events="payment_intent.succeeded,payment_intent.payment_failed,payment_intent.canceled,charge.refunded"
exec stripe listen --events "$events" \
  --forward-to "${STRIPE_FORWARD_URL:-localhost:3000/api/webhooks/stripe}" "$@"
