#!/usr/bin/env bash
# THE test command (README, .ci/run): makes sure the infrastructure runs (reusing what already runs), runs
# './mvnw -B verify' from the repository root with any extra arguments, then stops only the infrastructure
# components this script started (also on failure or Ctrl-C). After a green build it lints the services' OpenAPI
# documents that build produced (deploy/openapi/lint.sh, Redocly CLI installed from npm by that script, zero errors).
# Exits with Maven's exit code, else the linter's.
#
#   deploy/local/test.sh [extra Maven arguments, e.g. -pl task-service -Dtest=TaskResourceTest]
#
# MAVEN_OPTS defaults to -Xmx1g.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_PREFIX="test"
T_START="$(now)"
INFRA="$LOCAL_STACK_DIR/infra.sh"

require_java
ALREADY=()
for c in postgres kafka keycloak; do
  if "$INFRA" is-up "$c" >/dev/null 2>&1; then ALREADY+=("$c"); fi
done
info "already running: ${ALREADY[*]:-nothing}"

STARTED_INFRA=0
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((STARTED_INFRA)); then
    local stop=() c a keep
    for c in postgres kafka keycloak; do
      keep=0
      for a in "${ALREADY[@]+"${ALREADY[@]}"}"; do [[ "$a" == "$c" ]] && keep=1; done
      ((keep)) || stop+=("$c")
    done
    if ((${#stop[@]} > 0)); then
      info "stopping what this run started: ${stop[*]}"
      "$INFRA" down "${stop[@]}" || warn "could not stop ${stop[*]} cleanly (deploy/local/infra.sh status)"
    fi
    if ((${#ALREADY[@]} > 0)); then info "left running (was running before): ${ALREADY[*]}"; fi
  fi
  info "total $(elapsed_since "$T_START") s, exit code $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STARTED_INFRA=1
"$INFRA" up

# The web's browser tests (web/src/test, Selenium) drive Debian's Chromium and its driver (/usr/bin/chromium,
# /usr/bin/chromedriver): installed here where we can (root with apt-get, e.g. CI); elsewhere those tests are skipped
# with the command to run (sudo apt-get install chromium chromium-driver).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    info "installing chromium and chromium-driver for the web's browser tests (apt-get)"
    apt_log="$(mktemp)"
    if (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver) >"$apt_log" 2>&1; then
      ok "chromium installed: $(chromium --version 2>/dev/null | head -n 1)"
    else
      tail -n 20 "$apt_log" >&2
      warn "could not install chromium chromium-driver: the web's browser tests will be skipped"
    fi
    rm -f "$apt_log"
  else
    warn "no chromium/chromedriver: the web's browser tests will be skipped. Install them with: sudo apt-get install chromium chromium-driver"
  fi
fi

export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
info "running: ./mvnw -B verify $*   (MAVEN_OPTS=$MAVEN_OPTS)"
T_MVN="$(now)"
MARK="$(mktemp)"
set +e
(cd "$REPO_ROOT" && ./mvnw -B verify "$@")
MVN_RC=$?
set -e
info "Maven finished with exit code $MVN_RC in $(elapsed_since "$T_MVN") s"
# The OpenAPI documents this run built (<service>/target/openapi, stored by each service's build) must lint with
# zero errors: all three after the full build, only the rebuilt ones after a -pl run (never a stale document).
LINT_RC=0
LINTED=()
for m in indicator-service task-service meeting-service; do
  if [[ "$REPO_ROOT/$m/target/openapi/openapi.json" -nt "$MARK" ]]; then LINTED+=("$m"); fi
done
rm -f "$MARK"
if ((MVN_RC == 0)) && ((${#LINTED[@]} > 0)); then
  T_LINT="$(now)"
  set +e
  "$REPO_ROOT/deploy/openapi/lint.sh" "${LINTED[@]}"
  LINT_RC=$?
  set -e
  info "OpenAPI lint of ${LINTED[*]} finished with exit code $LINT_RC in $(elapsed_since "$T_LINT") s"
fi
((MVN_RC != 0)) && exit "$MVN_RC"
exit "$LINT_RC"
