#!/usr/bin/env bash
# Builds the BigTix images from the repository root, tagged with each package.json version.
#   deploy/docker/build-images.sh                 # all images
#   deploy/docker/build-images.sh orders web      # some
# env: IMAGE_PREFIX (default bigtix/, e.g. ghcr.io/acme/bigtix-), PUSH=1 to push after building,
#      EXTRA_TAG (e.g. dev) to also tag each image with it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="${IMAGE_PREFIX:-bigtix/}"
all=(auth tickets orders payments web)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

if ! command -v docker >/dev/null 2>&1; then
  echo "build-images: docker is not installed. Install Docker (https://docs.docker.com/get-docker/) and retry." >&2
  exit 1
fi
if ! docker info >/dev/null 2>&1; then
  echo "build-images: the docker CLI is here but no Docker engine answers (is the daemon running?)." >&2
  exit 1
fi

# Where each image's package.json lives, so its tag follows the package version.
pkg_dir() {
  case "$1" in
    web) echo web ;;
    auth | tickets | orders | payments) echo "services/$1" ;;
    *) echo "build-images: unknown image '$1' (known: ${all[*]})" >&2; return 1 ;;
  esac
}

for name in "${targets[@]}"; do
  dir="$(pkg_dir "$name")"
  version="$(node -p "require('$root/$dir/package.json').version")"
  image="${prefix}${name}:${version}"
  tags=(-t "$image")
  [ -z "${EXTRA_TAG:-}" ] || tags+=(-t "${prefix}${name}:${EXTRA_TAG}")
  echo "build-images: building $image" >&2
  DOCKER_BUILDKIT=1 docker build -f "$root/deploy/docker/$name.Dockerfile" "${tags[@]}" "$root"
  if [ "${PUSH:-0}" = 1 ]; then
    docker push "$image"
    [ -z "${EXTRA_TAG:-}" ] || docker push "${prefix}${name}:${EXTRA_TAG}"
  fi
done
