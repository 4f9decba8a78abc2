#!/usr/bin/env bash
# Status of the services and of the infrastructure.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_PREFIX="status"

printf '  %-10s %-28s %-8s %-22s %-8s %s\n' SERVICE STATE PID PORTS MEM LOG
for s in "${SERVICES[@]}"; do
  read -r name http mgmt _ <<<"$s"
  log="$LOG_DIR/$name.log"
  if pid="$(our_pid "$name" "$(service_jar "$name")")"; then
    if url_ok "http://localhost:$mgmt/q/health/ready" '"status" *: *"UP"'; then state=running; else state="running, not ready"; fi
    printf '  %-10s %-28s %-8s %-22s %-8s %s\n' "${name%-service}" "$state" "$pid" "$http,$mgmt" "$(tree_mem_mb "$pid")MB" "$log"
  elif url_ok "http://localhost:$mgmt/q/health/ready" '"status" *: *"UP"'; then
    printf '  %-10s %-28s %-8s %-22s %-8s %s\n' "${name%-service}" "running, not ours" - "$http,$mgmt" - "$(port_holder "$mgmt" | cut -c1-60)"
  elif port_in_use "$http" || port_in_use "$mgmt"; then
    printf '  %-10s %-28s %-8s %-22s %-8s %s\n' "${name%-service}" "port taken, not ours" - "$http,$mgmt" - "$(port_holder "$http" | cut -c1-60)"
  else
    printf '  %-10s %-28s %-8s %-22s %-8s %s\n' "${name%-service}" stopped - "$http,$mgmt" - "$log"
  fi
done
echo
exec "$LOCAL_STACK_DIR/infra.sh" status
