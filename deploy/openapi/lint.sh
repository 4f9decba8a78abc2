#!/usr/bin/env bash
# Lints the three services' generated OpenAPI documents with Redocly CLI (recommended rules): zero errors allowed.
# The documents are the ones each build stores (quarkus.smallrye-openapi.store-schema-directory=target/openapi), so
# run it after './mvnw verify' (or package). Redocly CLI is installed from npm into .local/tools/redocly (git-ignored)
# on first use; Node.js 18+ must be on the PATH.
#
#   deploy/openapi/lint.sh [module ...]      default: indicator-service task-service meeting-service
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REDOCLY_VERSION="${REDOCLY_VERSION:-2.77.0}"
TOOLS="${CITY_LOCAL_DIR:-$ROOT/.local}/tools/redocly-$REDOCLY_VERSION"
BIN="$TOOLS/node_modules/.bin/redocly"

if [[ ! -x "$BIN" ]]; then
  command -v npm >/dev/null || { echo "[openapi-lint] npm (Node.js 18+) is required" >&2; exit 2; }
  echo "[openapi-lint] installing @redocly/cli@$REDOCLY_VERSION into $TOOLS" >&2
  mkdir -p "$TOOLS"
  # A clean clone (CI) installs it here, from the npm registry; one retry for a transient network failure.
  for attempt in 1 2; do
    if npm install --silent --no-audit --no-fund --prefix "$TOOLS" "@redocly/cli@$REDOCLY_VERSION" >&2; then break; fi
    ((attempt == 2)) && { echo "[openapi-lint] could not install @redocly/cli@$REDOCLY_VERSION from npm" >&2; exit 2; }
    echo "[openapi-lint] npm install failed; retrying in 10 s" >&2
    sleep 10
  done
fi

modules=("$@")
((${#modules[@]})) || modules=(indicator-service task-service meeting-service)
docs=()
for m in "${modules[@]}"; do
  doc="$ROOT/$m/target/openapi/openapi.json"
  [[ -f "$doc" ]] || { echo "[openapi-lint] $doc is missing: build $m first" >&2; exit 2; }
  docs+=("$doc")
done
# No telemetry from a test run.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
"$BIN" lint --config "$ROOT/deploy/openapi/redocly.yaml" "${docs[@]}"
echo "[openapi-lint] ${#docs[@]} document(s): 0 errors"
