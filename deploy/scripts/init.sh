#!/usr/bin/env bash
# Asks for the secrets and settings of a BigTix cluster and writes two git-ignored files:
#   deploy/.init.env                      shell settings for the deploy scripts
#   deploy/ansible/vars/local.secret.yml  what playbooks/setup-cluster.yml turns into the Secret
# Interactive on a terminal (Enter keeps the [default]); without a TTY it reads the same names
# from the environment: JWT_SECRET RABBITMQ_PASSWORD BIGTIX_HOST TICKETMASTER_CONSUMER_KEY
# STRIPE_SECRET_KEY STRIPE_PUBLISHABLE_KEY STRIPE_WEBHOOK_SECRET.
# Re-running offers the values already written as defaults.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

env_file="${BIGTIX_INIT_ENV:-$BIGTIX_ROOT/deploy/.init.env}"
vars_file="${BIGTIX_SECRET_VARS:-$BIGTIX_ROOT/deploy/ansible/vars/local.secret.yml}"

# Earlier answers become defaults; the environment wins over them.
declare -A previous=()
if [ -f "$env_file" ]; then
  while IFS='=' read -r key value; do
    [[ "$key" =~ ^[A-Z_]+$ ]] || continue
    value="${value#\'}"
    previous[$key]="${value%\'}"
  done <"$env_file"
fi

random_secret() { node -e "process.stdout.write(require('crypto').randomBytes($1).toString('hex'))"; }

interactive=0
[ -t 0 ] && interactive=1

# ask VAR "question" default [secret]
ask() {
  local var="$1" question="$2" default="$3" secret="${4:-}" answer shown
  default="${!var:-${previous[$var]:-$default}}"
  if [ "$interactive" = 1 ]; then
    shown="$default"
    [ -n "$secret" ] && [ -n "$default" ] && shown="${default:0:6}…"
    if [ -n "$secret" ]; then
      read -r -s -p "$question [$shown]: " answer
      echo
    else
      read -r -p "$question [$shown]: " answer
    fi
    printf -v "$var" '%s' "${answer:-$default}"
  else
    printf -v "$var" '%s' "$default"
  fi
}

# warn_prefix VAR prefix : a key that does not look like Stripe's is most likely pasted wrong.
warn_prefix() {
  local value="${!1}"
  [ -z "$value" ] || [[ "$value" == "$2"* ]] || echo "init: warning: $1 does not start with '$2'" >&2
}

ask JWT_SECRET "JWT signing key (HS256) — Enter for a new random one" "$(random_secret 32)" secret
ask RABBITMQ_PASSWORD "RabbitMQ password for user 'bigtix' — Enter for a random one" "$(random_secret 16)" secret
ask BIGTIX_HOST "Site host name (no scheme)" "bigtix.localhost"
ask TICKETMASTER_CONSUMER_KEY "Ticketmaster Discovery API consumer key (empty: no live events)" "" secret
ask STRIPE_SECRET_KEY "Stripe secret key (sk_test_...)" "" secret
ask STRIPE_PUBLISHABLE_KEY "Stripe publishable key (pk_test_...)" ""
ask STRIPE_WEBHOOK_SECRET "Stripe webhook signing secret (whsec_..., from make stripe-dev)" "" secret

fail=0
[ ${#JWT_SECRET} -ge 32 ] || { echo "init: JWT_SECRET must be at least 32 characters" >&2; fail=1; }
[[ "$RABBITMQ_PASSWORD" =~ ^[A-Za-z0-9._~-]{8,}$ ]] || {
  # it is put into amqp:// URLs unescaped
  echo "init: RABBITMQ_PASSWORD must be 8+ URL-safe characters (letters, digits, . _ ~ -)" >&2
  fail=1
}
[[ "$BIGTIX_HOST" =~ ^[A-Za-z0-9.-]+$ ]] || { echo "init: BIGTIX_HOST must be a bare host name" >&2; fail=1; }
[ "$fail" = 0 ] || exit 1
warn_prefix STRIPE_SECRET_KEY sk_
warn_prefix STRIPE_PUBLISHABLE_KEY pk_
warn_prefix STRIPE_WEBHOOK_SECRET whsec_

umask 077
mkdir -p "$(dirname "$env_file")" "$(dirname "$vars_file")"
{
  echo "# Written by deploy/scripts/init.sh. Secret: never commit (git-ignored)."
  for var in BIGTIX_HOST JWT_SECRET RABBITMQ_PASSWORD TICKETMASTER_CONSUMER_KEY \
    STRIPE_SECRET_KEY STRIPE_PUBLISHABLE_KEY STRIPE_WEBHOOK_SECRET; do
    printf "%s='%s'\n" "$var" "${!var//\'/}"
  done
} >"$env_file"

# JSON strings are valid YAML scalars, so node does the quoting.
BIGTIX_HOST="$BIGTIX_HOST" JWT_SECRET="$JWT_SECRET" RABBITMQ_PASSWORD="$RABBITMQ_PASSWORD" \
  TICKETMASTER_CONSUMER_KEY="$TICKETMASTER_CONSUMER_KEY" STRIPE_SECRET_KEY="$STRIPE_SECRET_KEY" \
  STRIPE_PUBLISHABLE_KEY="$STRIPE_PUBLISHABLE_KEY" STRIPE_WEBHOOK_SECRET="$STRIPE_WEBHOOK_SECRET" \
  node -e '
    const e = process.env, q = JSON.stringify;
    const lines = [
      "# Written by deploy/scripts/init.sh. Secret: never commit (git-ignored).",
      "site_host: " + q(e.BIGTIX_HOST),
      "bigtix_secrets:",
      "  jwt_secret: " + q(e.JWT_SECRET),
      "  rabbitmq_password: " + q(e.RABBITMQ_PASSWORD),
      "  ticketmaster_consumer_key: " + q(e.TICKETMASTER_CONSUMER_KEY),
      "  stripe_secret_key: " + q(e.STRIPE_SECRET_KEY),
      "  stripe_publishable_key: " + q(e.STRIPE_PUBLISHABLE_KEY),
      "  stripe_webhook_secret: " + q(e.STRIPE_WEBHOOK_SECRET),
    ];
    process.stdout.write(lines.join("\n") + "\n");
  ' >"$vars_file"

echo "init: wrote $env_file and $vars_file"
