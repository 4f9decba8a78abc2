#!/usr/bin/env bash
# Builds the service images with their JDK 25 AOT cache, from the repository root's sources:
#
#   deploy/kubernetes/images/build.sh [service...]          (default: all three)
#
# For each service: ./mvnw package (once, all services), the image's 'runtime' stage
# (<registry>/<service>:<tag>-runtime), a training run in a container of that image against the local stack
# (deploy/local/infra.sh up; network host, read-only root filesystem, user 185, only the output folder writable),
# then the final image <registry>/<service>:<tag> = the runtime stage + the cache that its own JVM wrote
# (<service>/target/aot-image/app.aot). The training is the one of deploy/local/service-runtime.sh (fresh database
# <db>_aot, migrations, start until ready, authenticated requests, SIGTERM), with the image's JAVA_OPTS.
#
# Environment: CONTAINER_TOOL (podman or docker; default: whichever exists), IMAGE_REGISTRY (registry.example/city),
# IMAGE_TAG (1.0.0), SKIP_PACKAGE=1 (use the jars as built).
set -euo pipefail

IMAGES_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../local/service-runtime.sh
source "$IMAGES_DIR/../../local/service-runtime.sh"   # functions only (lib.sh, the training run)
LOG_PREFIX="images"

REGISTRY="${IMAGE_REGISTRY:-registry.example/city}"
TAG="${IMAGE_TAG:-1.0.0}"
TOOL="${CONTAINER_TOOL:-}"
if [[ -z "$TOOL" ]]; then
  if command -v podman >/dev/null 2>&1; then TOOL=podman; elif command -v docker >/dev/null 2>&1; then TOOL=docker; fi
fi
[[ -n "$TOOL" ]] || die "no container tool (podman or docker) found; set CONTAINER_TOOL"
"$TOOL" info >/dev/null 2>&1 || die "'$TOOL info' fails: a container engine is needed to build images (only a client here?)"

SERVICES_TO_BUILD=("$@")
((${#SERVICES_TO_BUILD[@]} > 0)) || SERVICES_TO_BUILD=(indicator-service task-service meeting-service)
for s in "${SERVICES_TO_BUILD[@]}"; do service_index "$s" >/dev/null; done

require_java
if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
  info "packaging: ./mvnw -B -q -DskipTests package -pl $(IFS=,; echo "${SERVICES_TO_BUILD[*]}") -am"
  (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests package -pl "$(IFS=,; echo "${SERVICES_TO_BUILD[*]}")" -am)
fi
"$LOCAL_STACK_DIR/infra.sh" up

# The image's own JVM, in a container of the runtime stage; the options arrive as JAVA_OPTS, as in the Deployment.
aot_launch_container() { # <log> <args...>
  shift
  local a opts=()
  for a in "$@"; do
    case "$a" in -XX:AOTCacheOutput=*) opts+=("-XX:AOTCacheOutput=/aot/app.aot") ;; *) opts+=("$a") ;; esac
  done
  # LOCAL ONLY credentials of the local stack (database role, realm client secret); the image holds none.
  exec "$TOOL" run --rm --network host --read-only --tmpfs /tmp --user 185 -v "$AOT_OUT_DIR:/aot" \
    -e QUARKUS_DATASOURCE_USERNAME=city -e QUARKUS_DATASOURCE_PASSWORD=city \
    -e "QUARKUS_OIDC_CREDENTIALS_SECRET=$(client_secret "$AOT_SVC")" -e "JAVA_OPTS=${opts[*]}" "$AOT_IMAGE"
}

for svc in "${SERVICES_TO_BUILD[@]}"; do
  dockerfile="$IMAGES_DIR/$svc.Dockerfile"
  runtime_image="$REGISTRY/$svc:$TAG-runtime"
  info "$svc: $TOOL build --target runtime -t $runtime_image"
  (cd "$REPO_ROOT" && "$TOOL" build -f "$dockerfile" --target runtime -t "$runtime_image" .)

  out_dir="$REPO_ROOT/$svc/target/aot-image"
  rm -rf "$out_dir"; mkdir -p "$out_dir"; chmod 0777 "$out_dir"   # written by user 185 in the container
  # the image's JAVA_OPTS, without the metaspace cap (it bounds the buffer the cache is assembled in)
  image_opts="$("$TOOL" image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$runtime_image" | sed -n 's/^JAVA_OPTS=//p')"
  read -r -a opts <<<"$image_opts"
  train_opts=()
  for o in "${opts[@]}"; do [[ "$o" == -XX:MaxMetaspaceSize=* ]] || train_opts+=("$o"); done
  AOT_OUT_DIR="$out_dir" AOT_SVC="$svc" AOT_IMAGE="$runtime_image" \
    aot_training_run "$svc" "$out_dir/app.aot" aot_launch_container "${train_opts[@]}" \
    || die "$svc: the training run in $runtime_image failed (log $LOG_DIR/aot-$svc.log)"
  ok "$svc: AOT cache $(($(stat -c %s "$out_dir/app.aot") / 1048576)) MB from $runtime_image"

  info "$svc: $TOOL build -t $REGISTRY/$svc:$TAG (runtime + AOT cache)"
  (cd "$REPO_ROOT" && "$TOOL" build -f "$dockerfile" -t "$REGISTRY/$svc:$TAG" .)
  ok "$svc: image $REGISTRY/$svc:$TAG"
done
