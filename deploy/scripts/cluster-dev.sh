#!/usr/bin/env bash
# Builds every image and deploys the chart to the kind cluster, rebuilding on change
# (skaffold dev). Extra arguments go to skaffold, e.g. `cluster-dev.sh --port-forward`.
# SKAFFOLD_MODE=run deploys once and exits.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tools cluster-dev docker kind kubectl helm skaffold
require_docker_engine cluster-dev

kind get clusters 2>/dev/null | grep -qx "$BIGTIX_CLUSTER" || {
  echo "cluster-dev: no kind cluster '$BIGTIX_CLUSTER': run 'make cluster-up' first." >&2
  exit 1
}

host="bigtix.localhost"
if [ -f "$BIGTIX_ROOT/deploy/.init.env" ]; then
  host="$(sed -n 's/^BIGTIX_HOST=//p' "$BIGTIX_ROOT/deploy/.init.env" | tr -d '"')"
fi

cd "$BIGTIX_ROOT"
exec skaffold "${SKAFFOLD_MODE:-dev}" --kube-context "kind-$BIGTIX_CLUSTER" \
  --set-value "ingress.host=${host:-bigtix.localhost}" "$@"
