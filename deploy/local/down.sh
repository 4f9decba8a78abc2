#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the services (by their pid files), then the infrastructure
# (deploy/local/infra.sh down). Anything this stack did not start is left running.
#
#   deploy/local/down.sh            services, then infrastructure
#   deploy/local/down.sh services   the services only
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_PREFIX="down"

case "${1:-all}" in
  all | services) ;;
  *) die "usage: down.sh [services]" ;;
esac

for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
  read -r name _ <<<"${SERVICES[$i]}"
  if pid="$(our_pid "$name" "$(service_jar "$name")")"; then
    stop_pid "$name" "$pid" 30 "$name"
  else
    info "$name: not running (nothing of ours to stop)"
  fi
done

[[ "${1:-all}" == services ]] || "$LOCAL_STACK_DIR/infra.sh" down
