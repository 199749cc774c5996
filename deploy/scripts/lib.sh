# Shared by the deploy scripts (sourced, not run).
# shellcheck shell=bash

BIGTIX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export BIGTIX_ROOT
BIGTIX_CLUSTER="${BIGTIX_CLUSTER:-bigtix}"
BIGTIX_NAMESPACE="${BIGTIX_NAMESPACE:-bigtix}"

# require_tools <script> <tool>... : names every missing tool with where to get it, then exits 1.
require_tools() {
  local script="$1" missing=() tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "$script: missing required tool(s): ${missing[*]}" >&2
  for tool in "${missing[@]}"; do
    case "$tool" in
      docker) echo "  docker:   https://docs.docker.com/get-docker/" >&2 ;;
      kind) echo "  kind:     https://kind.sigs.k8s.io/docs/user/quick-start/#installation (or: go install sigs.k8s.io/kind@v0.29.0)" >&2 ;;
      kubectl) echo "  kubectl:  https://kubernetes.io/docs/tasks/tools/" >&2 ;;
      helm) echo "  helm:     https://helm.sh/docs/intro/install/ (or: make check-deploy builds one into ~/.cache/bigtix/tools)" >&2 ;;
      skaffold) echo "  skaffold: https://skaffold.dev/docs/install/" >&2 ;;
      ansible-playbook) echo "  ansible-playbook: apt-get install ansible (or pipx install ansible-core)" >&2 ;;
      stripe) echo "  stripe:   https://docs.stripe.com/stripe-cli" >&2 ;;
      *) echo "  $tool" >&2 ;;
    esac
  done
  exit 1
}

# A CLI alone is not enough for docker: the engine must answer.
require_docker_engine() {
  docker info >/dev/null 2>&1 || {
    echo "$1: docker is installed but no Docker engine answers (start Docker and retry)." >&2
    exit 1
  }
}
