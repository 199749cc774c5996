#!/usr/bin/env bash
# Deletes the local kind cluster (and with it every volume: databases start empty next time).
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tools cluster-down docker kind
require_docker_engine cluster-down

if kind get clusters 2>/dev/null | grep -qx "$BIGTIX_CLUSTER"; then
  kind delete cluster --name "$BIGTIX_CLUSTER"
else
  echo "cluster-down: no kind cluster '$BIGTIX_CLUSTER'; nothing to do"
fi
