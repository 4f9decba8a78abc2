#!/usr/bin/env bash
# The runtime of a packaged service (<service>/target/quarkus-app or a copy of it), the same wherever it runs:
# deploy/local/up.sh, the system tests (deploy/system-test), the benchmark (deploy/benchmark/run.sh). The container
# images do the same with their own JDK (deploy/kubernetes/images/build.sh).
#
#   deploy/local/service-runtime.sh command <service> <app-dir>
#       ensures <app-dir>/app.aot is fresh (a training run when it is missing or stale), then prints the JVM part of
#       the launch command, one argument a line: java, the options of service-jvm.options, -XX:AOTCache=... .
#       The caller appends its own -D options and "-jar <app-dir>/quarkus-run.jar".
#   deploy/local/service-runtime.sh train [--force] <service> <app-dir>
#       the AOT cache only (a training run when missing or stale, or always with --force).
#   deploy/local/service-runtime.sh describe
#       one line: which java the services run on and whether they use the AOT cache.
#
# The runtime: a JDK 25 or newer when one is found, with the AOT cache (JEP 483/514/515) of a training run of the
# packaged application against the local stack (Flyway migrations on a fresh database, start until ready, a few
# authenticated requests, graceful stop; the JVM writes the cache at exit). Otherwise the java of lib.sh
# (require_java, Java 17+) with the same options and no cache; a line on stderr says so.
#
# The cache is valid for one JDK build, one set of options and one build of the application: app.aot.stamp holds a
# fingerprint of all three (java -version, service-jvm.options, every file of <app-dir> with its size and mtime) and
# a mismatch trains again. Copies must keep file times (cp -a), as the JVM itself also refuses a cache whose jars
# changed ("[warning][aot] ... mismatch") and then runs without it.
#
# Environment:
#   CITY_SERVICE_JAVA_HOME   the JDK to run the services on (default: the newest JDK >= 25 found in JAVA_HOME,
#                            the PATH, /usr/lib/jvm/*, /opt/java/*, ~/.sdkman/candidates/java/*; else lib.sh's java)
#   CITY_AOT                 on (default) | off: run without the AOT cache and never train (for comparisons)
#   CITY_AOT_PORT_BASE       ports of the training instances: HTTP <base>1..4, management <base+10>1..4 (default 4760;
#                            4 is the web)
#   CITY_AOT_TIMEOUT         seconds a training run may take to become ready (default 180)
#   CITY_AOT_DB_SUFFIX       database of a training run: <db><suffix> (default _aot; another suffix, with another
#                            CITY_AOT_PORT_BASE, lets two checkouts train at the same time on one stack)
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_PREFIX="runtime"
OPTIONS_FILE="$LOCAL_STACK_DIR/service-jvm.options"
AOT_MIN_MAJOR=25

java_major() { # <java binary> -> major version, or nothing
  local line major minor
  # the line with the version ("Picked up JAVA_TOOL_OPTIONS: ..." comes first when that variable is set)
  line="$("$1" -version 2>&1 | grep -m 1 ' version "')" || return 0
  read -r major minor <<<"$(sed -E -n 's/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p' <<<"$line")"
  [[ "${major:-}" == 1 ]] && major="${minor:-0}"
  printf '%s' "${major:-}"
}

# Sets RT_JAVA (binary), RT_MAJOR, RT_AOT (1 when the AOT cache is used) and RT_WHY (a sentence for the logs).
runtime_init() {
  require_java
  RT_JAVA=""; RT_MAJOR=""; RT_AOT=0; RT_WHY=""
  if [[ -n "${CITY_SERVICE_JAVA_HOME:-}" ]]; then
    [[ -x "$CITY_SERVICE_JAVA_HOME/bin/java" ]] || die "CITY_SERVICE_JAVA_HOME=$CITY_SERVICE_JAVA_HOME has no bin/java"
    RT_JAVA="$CITY_SERVICE_JAVA_HOME/bin/java"; RT_MAJOR="$(java_major "$RT_JAVA")"
  else
    local c best="" best_major=0 m homes=()
    [[ -n "${JAVA_HOME:-}" ]] && homes+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then homes+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"); fi
    for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do [[ -d "$c" ]] && homes+=("$c"); done
    for c in "${homes[@]}"; do
      [[ -x "$c/bin/java" ]] || continue
      m="$(java_major "$c/bin/java")"
      [[ "$m" =~ ^[0-9]+$ ]] || continue
      if ((m >= AOT_MIN_MAJOR && m > best_major)); then best="$c/bin/java"; best_major="$m"; fi
    done
    if [[ -n "$best" ]]; then
      RT_JAVA="$best"; RT_MAJOR="$best_major"
    else
      RT_JAVA="$JAVA_BIN"; RT_MAJOR="$(java_major "$JAVA_BIN")"
      RT_WHY="no JDK $AOT_MIN_MAJOR+ found (JAVA_HOME, PATH, /usr/lib/jvm, /opt/java, sdkman; or set CITY_SERVICE_JAVA_HOME): the services run on Java $RT_MAJOR ($RT_JAVA) without an AOT cache, about 2x slower to start"
    fi
  fi
  if ((RT_MAJOR < AOT_MIN_MAJOR)); then
    [[ -n "$RT_WHY" ]] || RT_WHY="the services run on Java $RT_MAJOR ($RT_JAVA) without an AOT cache (needs Java $AOT_MIN_MAJOR+)"
  elif [[ "${CITY_AOT:-on}" == off ]]; then
    RT_WHY="CITY_AOT=off: the services run on Java $RT_MAJOR ($RT_JAVA) without the AOT cache"
  else
    RT_AOT=1; RT_WHY="the services run on Java $RT_MAJOR ($RT_JAVA) with an AOT cache per service (app.aot)"
  fi
}

# The options of service-jvm.options, one a line.
runtime_options() { sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$OPTIONS_FILE" | grep -v '^$'; }

# Fingerprint of what the cache depends on: the JVM build, the options, every file of the application.
aot_fingerprint() { # <app-dir>
  {
    "$RT_JAVA" -version 2>&1
    runtime_options
    (cd "$1" && find . -type f ! -name 'app.aot*' ! -name '.aot*' -printf '%P %s %T@\n' | LC_ALL=C sort)
  } | sha256sum | cut -c1-64
}

aot_fresh() { # <app-dir>
  [[ -s "$1/app.aot" && -f "$1/app.aot.stamp" && "$(cat "$1/app.aot.stamp")" == "$(aot_fingerprint "$1")" ]]
}

# service -> index (ports), database
service_index() { case "$1" in indicator-service) echo 1 ;; task-service) echo 2 ;; meeting-service) echo 3 ;; web) echo 4 ;; *) die "unknown service '$1'" ;; esac; }
service_db() { case "$1" in indicator-service) echo indicator ;; task-service) echo task ;; meeting-service) echo meeting ;; *) echo - ;; esac; }
service_channels() { case "$1" in task-service) echo "meeting-events indicator-events" ;; meeting-service) echo "indicator-events task-events" ;; esac; }

# A training run: the packaged application on its own ports, a fresh database <db>_aot and topics aot.*, against the
# local stack; start (migrations) until ready, a few requests through OIDC and the policy enforcer, SIGTERM. The JVM
# writes the cache to <out> when it exits (JEP 514: -XX:AOTCacheOutput). <launcher> <log> <args...> runs the JVM in
# the foreground with those arguments (they end with -XX:AOTCacheOutput and the -D options; the launcher adds the
# credentials and "-jar"): aot_launch_local here, a container of the image in deploy/kubernetes/images/build.sh.
aot_training_run() { # <service> <out> <launcher> [options...]
  local svc="$1" out="$2" launcher="$3"; shift 3
  local idx db base http mgmt log
  idx="$(service_index "$svc")"; db="$(service_db "$svc")"; [[ "$db" == - ]] || db="${db}${CITY_AOT_DB_SUFFIX:-_aot}"
  base="${CITY_AOT_PORT_BASE:-4760}"; http="$base$idx"; mgmt="$((base + 10))$idx"
  log="$LOG_DIR/aot-$svc.log"
  ensure_dirs
  local infra="$LOCAL_STACK_DIR/infra.sh" c
  for c in postgres kafka keycloak; do
    "$infra" is-up "$c" >/dev/null 2>&1 || { warn "$svc: $c is not running, no AOT training now (start the stack: deploy/local/infra.sh up)"; return 1; }
  done
  port_in_use "$http" && { warn "$svc: training port $http is busy ($(port_holder "$http")): no AOT training now"; return 1; }
  port_in_use "$mgmt" && { warn "$svc: training port $mgmt is busy ($(port_holder "$mgmt")): no AOT training now"; return 1; }
  if [[ "$db" != - ]]; then
    pg_recreate_db "$db" >>"$log" 2>&1 || { show_log_tail "$log" 10; warn "$svc: could not recreate database $db: no AOT training now"; return 1; }
  fi
  info "$svc: AOT training run (database $db, ports $http/$mgmt, log $log)…"
  rm -f "$out" "$out.config"
  local args=("$@") o ch
  args+=("-XX:AOTCacheOutput=$out" "-Dquarkus.http.port=$http" "-Dquarkus.management.port=$mgmt")
  [[ "$db" == - ]] || args+=("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:55432/$db"
    "-Dquarkus.datasource.reactive.url=postgresql://localhost:55432/$db"
    "-Dcity.outbox.topic=aot.${svc%-service}-events")
  for ch in $(service_channels "$svc"); do
    args+=("-Dmp.messaging.incoming.$ch.topic=aot.$ch" "-Dmp.messaging.incoming.$ch.group.id=$svc-aot"
      "-Dmp.messaging.incoming.$ch.dead-letter-queue.topic=aot.$svc.dlq")
  done
  printf '\n=== %s training (%s): %s\n' "$(date '+%F %T')" "$launcher" "${args[*]}" >>"$log"
  "$launcher" "$log" "${args[@]}" >>"$log" 2>&1 </dev/null &
  local pid=$! deadline=$((SECONDS + ${CITY_AOT_TIMEOUT:-180})) t_start t_ready t_stop
  t_start="$(now)"
  until url_ok "http://localhost:$mgmt/q/health/ready" '"status" *: *"UP"'; do
    if ! pid_alive "$pid"; then show_log_tail "$log" 30; warn "$svc: the training run exited before it was ready (log $log)"; return 1; fi
    if ((SECONDS > deadline)); then kill -KILL "$pid" 2>/dev/null; warn "$svc: training run not ready in time (log $log)"; return 1; fi
    sleep 0.2
  done
  t_ready="$(elapsed_since "$t_start")"
  # What a first request needs: OIDC token check, the policy enforcer (UMA grant), JSON, the OpenAPI document.
  local token
  token="$(curl -s --max-time 10 -d grant_type=password -d client_id=city-cli -d username=viewer -d password=viewer \
    http://localhost:8180/realms/city/protocol/openid-connect/token | sed -n -E 's/.*"access_token":"([^"]+)".*/\1/p')" || true
  for o in /api/me /q/openapi; do
    curl -s -o /dev/null --max-time 10 ${token:+-H "Authorization: Bearer $token"} "http://localhost:$http$o" || true
  done
  curl -s -o /dev/null --max-time 10 "http://localhost:$mgmt/q/metrics" || true
  t_stop="$(now)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + 180))
  while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null; warn "$svc: training run did not stop (log $log)"; return 1; fi
  [[ -s "$out" ]] || { show_log_tail "$log" 20; warn "$svc: the training run wrote no AOT cache (log $log)"; return 1; }
  info "$svc: training run ready after $t_ready s; stop and cache assembly $(elapsed_since "$t_stop") s"
}

# Runs the JVM of this machine on the app dir of $AOT_APP (LOCAL ONLY credentials, as up.sh).
aot_launch_local() { # <log> <args...>
  shift
  cd "$AOT_APP" && exec env QUARKUS_DATASOURCE_USERNAME=city QUARKUS_DATASOURCE_PASSWORD=city \
    "QUARKUS_OIDC_CREDENTIALS_SECRET=$(client_secret "$AOT_SVC")" "$RT_JAVA" "$@" -jar "$AOT_APP/quarkus-run.jar"
}

aot_train() { # <service> <app-dir>
  local svc="$1" app="$2" t0 opts=()
  t0="$(now)"
  rm -f "$app/app.aot" "$app/app.aot.stamp"
  # without the metaspace cap: the cache is assembled in a buffer bounded by it ("Unable to allocate from 'ro' region")
  mapfile -t opts < <(runtime_options | grep -v '^-XX:MaxMetaspaceSize=')
  AOT_APP="$app" AOT_SVC="$svc" aot_training_run "$svc" "$app/app.aot.new" aot_launch_local "${opts[@]}" || return 1
  mv -f "$app/app.aot.new" "$app/app.aot"
  aot_fingerprint "$app" >"$app/app.aot.stamp"
  ok "$svc: AOT cache written in $(elapsed_since "$t0") s ($(($(stat -c %s "$app/app.aot") / 1048576)) MB, $app/app.aot)"
}

pg_recreate_db() { # <db>: drop (if there) and create, owned by the application role
  local jar; jar="$(ls "$TOOLS_DIR"/postgresql-*.jar 2>/dev/null | head -n 1)"
  [[ -n "$jar" ]] || { echo "no JDBC driver in $TOOLS_DIR (deploy/local/infra.sh up fetches it)"; return 1; }
  java_tool PgRecreate "$jar" localhost 55432 "${CITY_PG_SUPERUSER:-postgres}" "${CITY_PG_PASSWORD:-postgres}" city "$1"
}

# Trains when needed (one training per app dir at a time, across processes). Returns 0 when a fresh cache exists.
aot_ensure() { # [--force] <service> <app-dir>
  local force=0
  [[ "$1" == --force ]] && { force=1; shift; }
  local svc="$1" app="$2"
  [[ -f "$app/quarkus-run.jar" ]] || die "$app/quarkus-run.jar not found"
  ((RT_AOT)) || return 1
  ((force == 0)) && aot_fresh "$app" && return 0
  exec 6>"$app/.aot.lock"
  flock 6
  if ((force == 0)) && aot_fresh "$app"; then flock -u 6; return 0; fi
  local rc=0
  aot_train "$svc" "$app" || rc=1
  flock -u 6
  return "$rc"
}

main() {
  local cmd="${1:-}"; shift || true
  case "$cmd" in
    command)
      (($# == 2)) || die "usage: service-runtime.sh command <service> <app-dir>"
      local svc="$1" app; app="$(cd "$2" && pwd)"
      runtime_init
      local aot=()
      if ((RT_AOT)); then
        if aot_ensure "$svc" "$app"; then aot=("-XX:AOTCache=$app/app.aot")
        else warn "$svc: starts without an AOT cache this time (slower start)"; fi
      else
        warn "$RT_WHY"
      fi
      printf '%s\n' "$RT_JAVA"
      runtime_options
      ((${#aot[@]} == 0)) || printf '%s\n' "${aot[@]}"
      ;;
    train)
      local force=()
      [[ "${1:-}" == --force ]] && { force=(--force); shift; }
      (($# == 2)) || die "usage: service-runtime.sh train [--force] <service> <app-dir>"
      runtime_init
      ((RT_AOT)) || { warn "$RT_WHY"; exit 0; }
      aot_ensure "${force[@]+"${force[@]}"}" "$1" "$(cd "$2" && pwd)" || exit 1
      ;;
    describe)
      runtime_init
      echo "$RT_WHY"
      ;;
    *) sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 64 ;;
  esac
}

# Sourced (by up.sh or run.sh) it only defines the functions; run, it does what main says.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then main "$@"; fi
