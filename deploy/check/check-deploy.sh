#!/usr/bin/env bash
# Validates everything under deploy/ and .github/workflows with real tools, on a machine with
# no Docker engine and no cluster:
#   helm lint + helm template (each values file)   → rendered YAML in $BIGTIX_RENDER_DIR
#   node --test deploy/check/*.test.js             → manifests, Dockerfiles, scripts, playbooks
#   actionlint (+ shellcheck of run: blocks)       → .github/workflows/*.yml
#   ansible-playbook --syntax-check                → deploy/ansible/playbooks/*.yml
#   bash -n + shellcheck                           → deploy/**/*.sh
#   simulate-image.js <service>                    → each Dockerfile built and started without Docker
# Installs what is missing: helm and actionlint are built once from the Go module proxy into
# ${BIGTIX_CACHE_DIR:-~/.cache/bigtix}/tools/<name>-<version>/; ansible and shellcheck from apt.
# Exits non-zero if any check failed, after running all of them, and names the failures.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/deploy/check"
HELM_VERSION="${HELM_VERSION:-v3.21.4}"
ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
# The Go-built helm has no baked-in Kubernetes version (it would claim 1.20); render for a
# current EKS/kind version instead.
KUBE_VERSION="${KUBE_VERSION:-1.33.0}"

failures=()
step() { printf '\n== %s\n' "$*"; }
fail() { failures+=("$1"); echo "FAILED: $1" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() { # apt_install <package>: update the lists only if the plain install fails
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$1" >/dev/null 2>&1 ||
    { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$1" >/dev/null; }
}

step "tools"
helm="$(bash "$here/ensure-go-tool.sh" helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION")" || {
  helm="$(command -v helm || true)"
  [ -n "$helm" ] && echo "using helm from PATH: $helm (could not build $HELM_VERSION)" >&2
}
actionlint="$(bash "$here/ensure-go-tool.sh" actionlint github.com/rhysd/actionlint/cmd/actionlint "$ACTIONLINT_VERSION")" || {
  actionlint="$(command -v actionlint || true)"
}
command -v ansible-playbook >/dev/null 2>&1 || { echo "installing ansible (apt)" >&2; apt_install ansible; }
command -v shellcheck >/dev/null 2>&1 || { echo "installing shellcheck (apt)" >&2; apt_install shellcheck || true; }
[ -n "$helm" ] && [ -x "$helm" ] || fail "helm is not available (no Go to build it, none on PATH)"
[ -n "$actionlint" ] && [ -x "$actionlint" ] || fail "actionlint is not available"
command -v ansible-playbook >/dev/null 2>&1 || fail "ansible-playbook is not available (apt-get install ansible)"
echo "helm: ${helm:-none}  actionlint: ${actionlint:-none}  ansible-playbook: $(command -v ansible-playbook || echo none)"

chart="$root/deploy/helm/bigtix"
render_dir="${BIGTIX_RENDER_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/bigtix-render.XXXXXX")}"
mkdir -p "$render_dir"
export BIGTIX_RENDER_DIR="$render_dir" HELM="${helm:-}" KUBE_VERSION

if [ -n "${helm:-}" ]; then
  step "helm lint"
  for values in values.yaml values-dev.yaml values-prod.yaml; do
    "$helm" lint "$chart" --strict --kube-version "$KUBE_VERSION" -f "$chart/$values" >"$render_dir/lint-$values.log" 2>&1 &&
      echo "ok   helm lint -f $values" || { cat "$render_dir/lint-$values.log" >&2; fail "helm lint -f $values"; }
  done

  step "helm template → $render_dir"
  # the same release name and namespace as skaffold and the Ansible deploy
  "$helm" template bigtix "$chart" -n bigtix --kube-version "$KUBE_VERSION" -f "$chart/values.yaml" \
    >"$render_dir/default.yaml" && echo "ok   default" || fail "helm template (values.yaml)"
  "$helm" template bigtix "$chart" -n bigtix --kube-version "$KUBE_VERSION" -f "$chart/values-dev.yaml" \
    >"$render_dir/dev.yaml" && echo "ok   dev" || fail "helm template -f values-dev.yaml"
  "$helm" template bigtix "$chart" -n bigtix --kube-version "$KUBE_VERSION" -f "$chart/values-prod.yaml" \
    >"$render_dir/prod.yaml" && echo "ok   prod" || fail "helm template -f values-prod.yaml"
  # the chart-managed Secret with external MongoDB, RabbitMQ and Redis (what prod uses without existingSecret)
  "$helm" template bigtix "$chart" -n bigtix --kube-version "$KUBE_VERSION" -f "$chart/values-prod.yaml" \
    --set existingSecret= --set rabbitmq.externalUrl=amqps://u:p@mq.example:5671 --set redis.externalUrl=rediss://cache.example:6379 \
    --set mongodb.externalUrls.auth=mongodb://db/auth --set mongodb.externalUrls.tickets=mongodb://db/tickets \
    --set mongodb.externalUrls.orders=mongodb://db/orders --set mongodb.externalUrls.payments=mongodb://db/payments \
    >"$render_dir/external.yaml" && echo "ok   external" || fail "helm template (external MongoDB/RabbitMQ, chart Secret)"
  # a missing external URL must stop the render, not produce a Secret with an empty URL
  if "$helm" template bigtix "$chart" --kube-version "$KUBE_VERSION" -f "$chart/values-prod.yaml" \
    --set existingSecret= >/dev/null 2>"$render_dir/missing-url.log"; then
    fail "helm template accepted mongodb.enabled=false without external URLs"
  else
    echo "ok   rejects missing external URLs: $(grep -o 'rabbitmq.externalUrl is required[^"]*\|mongodb.externalUrls[^"]*required[^"]*' "$render_dir/missing-url.log" | head -n 1)"
  fi
fi

step "node --test deploy/check"
(cd "$root" && node --test "$here"/*.test.js) || fail "node --test deploy/check (see the failing tests above)"

step "images without Docker (simulate-image.js)"
# Each existing service's Dockerfile is executed stage by stage and the result started and
# probed. BIGTIX_SIMULATE_IMAGES picks images ("none" skips; web is opt-in: next build is slow).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
simulate="${BIGTIX_SIMULATE_IMAGES:-$(for s in auth tickets orders payments; do
  [ -f "$root/services/$s/src/index.ts" ] && printf '%s ' "$s"; done)}"
if [ "$simulate" = none ] || [ -z "${simulate// /}" ]; then
  echo "skip (no image selected)"
elif ! port_open 27017 || ! port_open 5672; then
  echo "skip: the services need MongoDB on 127.0.0.1:27017 and RabbitMQ on :5672 (make infra)"
else
  for image in $simulate; do
    nice node "$here/simulate-image.js" "$image" >"$render_dir/simulate-$image.log" 2>&1 &&
      tail -n 1 "$render_dir/simulate-$image.log" ||
      { tail -n 40 "$render_dir/simulate-$image.log" >&2; fail "image $image (simulated build + start)"; }
  done
fi

step "actionlint"
if [ -n "${actionlint:-}" ]; then
  (cd "$root" && "$actionlint" -no-color .github/workflows/*.yml) && echo "ok   $(ls "$root"/.github/workflows/*.yml | wc -l) workflows" ||
    fail "actionlint .github/workflows"
fi

step "ansible-playbook --syntax-check"
if command -v ansible-playbook >/dev/null 2>&1; then
  for playbook in "$root"/deploy/ansible/playbooks/*.yml; do
    (cd "$root/deploy/ansible" && ansible-playbook --syntax-check -i inventory/dev.yml "$playbook" >/dev/null) &&
      echo "ok   $(basename "$playbook")" || fail "ansible-playbook --syntax-check $(basename "$playbook")"
  done
fi

step "shell scripts"
while IFS= read -r script; do
  bash -n "$script" || fail "bash -n ${script#"$root"/}"
done < <(find "$root/deploy" -name '*.sh' -type f | sort)
if command -v shellcheck >/dev/null 2>&1; then
  (cd "$root" && find deploy -name '*.sh' -type f -print0 | sort -z | xargs -0 shellcheck -x -S warning) &&
    echo "ok   shellcheck deploy/**/*.sh" || fail "shellcheck deploy/**/*.sh"
else
  echo "skip shellcheck (not installed)"
fi

echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "check-deploy: ${#failures[@]} check(s) failed:" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "check-deploy: all deployment checks passed"
