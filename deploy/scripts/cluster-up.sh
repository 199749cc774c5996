#!/usr/bin/env bash
# Creates the local kind cluster "bigtix" (ports 80/443 on this machine), installs
# ingress-nginx, and creates the namespace and Secret from what `make init` wrote.
# Then run `make cluster-dev` to build and deploy with skaffold.
set -euo pipefail
# shellcheck source=deploy/scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_tools cluster-up docker kind kubectl helm skaffold ansible-playbook
require_docker_engine cluster-up

secrets="$BIGTIX_ROOT/deploy/ansible/vars/local.secret.yml"
[ -f "$secrets" ] || {
  echo "cluster-up: $secrets is missing: run 'make init' first." >&2
  exit 1
}

if kind get clusters 2>/dev/null | grep -qx "$BIGTIX_CLUSTER"; then
  echo "cluster-up: kind cluster '$BIGTIX_CLUSTER' already exists"
else
  kind create cluster --name "$BIGTIX_CLUSTER" --config "$BIGTIX_ROOT/deploy/kind/cluster.yaml"
fi
context="kind-$BIGTIX_CLUSTER"

# ingress-nginx's kind flavour: hostPort 80/443 on the node labelled ingress-ready=true.
INGRESS_NGINX_VERSION="${INGRESS_NGINX_VERSION:-controller-v1.13.3}"
kubectl --context "$context" apply -f \
  "https://raw.githubusercontent.com/kubernetes/ingress-nginx/$INGRESS_NGINX_VERSION/deploy/static/provider/kind/deploy.yaml"
kubectl --context "$context" -n ingress-nginx wait --for=condition=Ready pod \
  -l app.kubernetes.io/component=controller --timeout=180s
# The edge cache for public reads (ingress.publicCache in values-dev.yaml): the controller gets the
# cache zone, and allows the Ingress's configuration-snippet. It reloads by itself on the change.
cache_settings="$(kubectl create configmap ingress-nginx-controller --dry-run=client -o jsonpath='{.data}' \
  --from-file=http-snippet="$BIGTIX_ROOT/deploy/helm/bigtix/files/public-cache-zone.conf" \
  --from-literal=allow-snippet-annotations=true --from-literal=annotations-risk-level=Critical)"
kubectl --context "$context" -n ingress-nginx patch configmap ingress-nginx-controller \
  --type merge -p "{\"data\": $cache_settings}"

ansible-playbook -i "$BIGTIX_ROOT/deploy/ansible/inventory/dev.yml" \
  "$BIGTIX_ROOT/deploy/ansible/playbooks/setup-cluster.yml" \
  -e "@$secrets" -e "kube_context=$context"

echo "cluster-up: ready. Next: make cluster-dev (skaffold), then open http://$(
  sed -n 's/^BIGTIX_HOST=//p' "$BIGTIX_ROOT/deploy/.init.env" 2>/dev/null | tr -d '"' || true
)/"
