#!/usr/bin/env bash
# Runs the whole system locally: the infrastructure (deploy/local/infra.sh up), then the three services from their
# Quarkus jars (built with ./mvnw when missing or older than their sources), each waited for on its management
# port's /q/health/ready.
#
#   deploy/local/up.sh
#
# Each service runs as deploy/local/service-runtime.sh says: a JDK 25 with the service's AOT cache (trained here
# after a build, about 40 s a service), or Java 17 without one when no JDK 25 exists (a line says so).
# Services reuse what runs already: a service started by this script (pid file) or anything answering UP on its
# health URL (e.g. a service you run with 'quarkus:dev') is left alone.
# Environment: those of infra.sh (CITY_PG_*), plus SERVICE_READY_TIMEOUT (default 120 s a service).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_PREFIX="up"
READY_TIMEOUT="${SERVICE_READY_TIMEOUT:-120}"
T_START="$(now)"

require_java
"$LOCAL_STACK_DIR/infra.sh" up

# ---- what must be started -------------------------------------------------------------------------------------
[[ -f "$REPO_ROOT/pom.xml" ]] || die "no $REPO_ROOT/pom.xml: the Maven build of the services does not exist yet."
TO_START=()
for s in "${SERVICES[@]}"; do
  read -r name http mgmt _ <<<"$s"
  [[ -f "$REPO_ROOT/$name/pom.xml" ]] || die "module $name is missing: expected $REPO_ROOT/$name/pom.xml"
  if pid="$(our_pid "$name" "$(service_jar "$name")")"; then
    ok "$name already running (pid $pid): reusing it"
    continue
  fi
  if url_ok "http://localhost:$mgmt/q/health/ready" '"status" *: *"UP"'; then
    warn "$name: http://localhost:$mgmt/q/health/ready answers UP but was not started by this script ($(port_holder "$mgmt")): reusing it, down.sh will not stop it"
    continue
  fi
  require_port_free "$http" "$name (HTTP)"
  require_port_free "$mgmt" "$name (management)"
  TO_START+=("$name")
done

if ((${#TO_START[@]} == 0)); then
  ok "all services already running"
else
  # ---- build when a jar is missing or older than the sources ------------------------------------------------
  stale=()
  for name in "${TO_START[@]}"; do
    jar="$(service_jar "$name")"
    if [[ ! -f "$jar" ]]; then
      stale+=("$name"); info "$name: no jar yet ($jar)"
      continue
    fi
    # what goes into the jar: the root POM, the module's POM and main sources, the same of the shared module
    paths=("$REPO_ROOT/pom.xml")
    for m in "$name" common; do
      [[ -f "$REPO_ROOT/$m/pom.xml" ]] && paths+=("$REPO_ROOT/$m/pom.xml")
      [[ -d "$REPO_ROOT/$m/src/main" ]] && paths+=("$REPO_ROOT/$m/src/main")
    done
    newer="$(find "${paths[@]}" -type f -newer "$jar" -print -quit 2>/dev/null || true)"
    if [[ -n "$newer" ]]; then stale+=("$name"); info "$name: sources changed since the jar was built ($newer)"; fi
  done
  if ((${#stale[@]} > 0)); then
    build_log="$LOG_DIR/build.log"
    if ((${#stale[@]} == ${#SERVICES[@]})); then
      build_args=(-B -q -DskipTests package)
    else
      # only what is needed, so the jars of services that keep running are not replaced under them
      build_args=(-B -q -DskipTests package -pl "$(IFS=,; echo "${stale[*]}")" -am)
    fi
    info "building: ./mvnw ${build_args[*]}   (log: $build_log)"
    t_build="$(now)"
    if ! (cd "$REPO_ROOT" && ./mvnw "${build_args[@]}") >"$build_log" 2>&1; then
      show_log_tail "$build_log" 40
      die "the build failed: ./mvnw ${build_args[*]} (log: $build_log)"
    fi
    ok "build done ($(elapsed_since "$t_build") s)"
  fi
  for name in "${TO_START[@]}"; do
    [[ -f "$(service_jar "$name")" ]] || die "$name: $(service_jar "$name") is still missing after the build: does $name/pom.xml run the quarkus-maven-plugin 'build' goal (fast-jar packaging)?"
  done

  # ---- runtime: JDK 25 + AOT cache when available (deploy/local/service-runtime.sh) ---------------------------
  RUNTIME="$LOCAL_STACK_DIR/service-runtime.sh"
  info "$("$RUNTIME" describe)"
  # a training run per service whose cache is missing or stale (after a build), all at once
  train_pids=()
  for name in "${TO_START[@]}"; do
    "$RUNTIME" train "$name" "$(dirname "$(service_jar "$name")")" &
    train_pids+=($!)
  done
  for p in "${train_pids[@]}"; do wait "$p" || true; done

  # ---- start ------------------------------------------------------------------------------------------------
  # The services default to localhost:55432/<db>; only an external PostgreSQL (CITY_PG_HOST) needs URLs here.
  declare -A LAUNCHED_AT=() PIDS=()
  for name in "${TO_START[@]}"; do
    for s in "${SERVICES[@]}"; do read -r n http mgmt db <<<"$s"; [[ "$n" == "$name" ]] && break; done
    # LOCAL ONLY credentials (the database role of infra.sh, the client secrets of the local realm import); the
    # jars run in the prod profile, which has no defaults for them.
    envs=("QUARKUS_OIDC_CREDENTIALS_SECRET=$(client_secret "$name")")
    # the web owns no database
    [[ "$db" == - ]] || envs+=(QUARKUS_DATASOURCE_USERNAME=city QUARKUS_DATASOURCE_PASSWORD=city)
    if [[ -n "${CITY_PG_HOST:-}" && "$db" != - ]]; then
      envs+=("QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$CITY_PG_HOST:${CITY_PG_PORT:-5432}/$db"
        "QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://$CITY_PG_HOST:${CITY_PG_PORT:-5432}/$db")
    fi
    log="$LOG_DIR/$name.log"
    info "starting $name (HTTP $http, management $mgmt, log $log)…"
    jvm_out="$("$RUNTIME" command "$name" "$(dirname "$(service_jar "$name")")")" || die "$name: no launch command (see above)"
    mapfile -t jvm <<<"$jvm_out"
    LAUNCHED_AT[$name]="$(now)"
    (cd "$REPO_ROOT/$name" && start_bg "$name" "$log" env "${envs[@]}" "${jvm[@]}" -jar "$(service_jar "$name")") || exit 1
    PIDS[$name]="$(head -n 1 "$(pid_file "$name")")"
  done

  # ---- wait for all ----------------------------------------------------------------------------------------
  declare -A READY_S=()
  pending=("${TO_START[@]}")
  while ((${#pending[@]} > 0)); do
    still=()
    for name in "${pending[@]}"; do
      for s in "${SERVICES[@]}"; do read -r n http mgmt _ <<<"$s"; [[ "$n" == "$name" ]] && break; done
      log="$LOG_DIR/$name.log"
      if url_ok "http://localhost:$mgmt/q/health/ready" '"status" *: *"UP"'; then
        READY_S[$name]="$(elapsed_since "${LAUNCHED_AT[$name]}")"
        ok "$name ready in ${READY_S[$name]} s (pid ${PIDS[$name]})"
      elif ! pid_alive "${PIDS[$name]}"; then
        show_log_tail "$log" 40
        die "$name exited while starting (pid ${PIDS[$name]}). Log: $log. Services already up keep running: deploy/local/down.sh services stops them."
      elif awk -v a="${LAUNCHED_AT[$name]}" -v b="$(now)" -v t="$READY_TIMEOUT" 'BEGIN { exit !(b - a > t) }'; then
        show_log_tail "$log" 40
        die "$name not ready after ${READY_TIMEOUT}s: http://localhost:$mgmt/q/health/ready does not answer UP (is quarkus.management.port=$mgmt?). It is still running as pid ${PIDS[$name]}; stop everything with deploy/local/down.sh. Log: $log"
      else
        still+=("$name")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]} == 0)) || sleep 0.5
  done
fi

# ---- summary ------------------------------------------------------------------------------------------------
echo
printf '  %-18s %-7s %-6s %-34s %-38s %s\n' SERVICE PID READY API "SWAGGER UI" HEALTH
for s in "${SERVICES[@]}"; do
  read -r name http mgmt _ <<<"$s"
  pid="$(our_pid "$name" "$(service_jar "$name")" || echo '-')"
  ready="${READY_S[$name]:-}"; ready="${ready:+${ready}s}"
  printf '  %-18s %-7s %-6s %-34s %-38s %s\n' "$name" "$pid" "${ready:-reused}" "http://localhost:$http/api" \
    "http://localhost:$http/q/swagger-ui" "http://localhost:$mgmt/q/health"
done
cat <<EOF2

  Web app                 http://localhost:8080   (log in as a fixture user, e.g. officer-fin / officer-fin)
  Keycloak admin console  http://localhost:8180/admin   (admin / admin, local only)
  Tokens                  curl -d grant_type=password -d client_id=city-cli -d username=officer-fin -d password=officer-fin \\
                            http://localhost:8180/realms/city/protocol/openid-connect/token
  Logs                    $LOG_DIR/<service>.log
EOF2
ok "everything up in $(elapsed_since "$T_START") s"
