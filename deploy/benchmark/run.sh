#!/usr/bin/env bash
# The benchmark: throughput, latency and footprint of the real services against a bare baseline in the same run.
#
#   deploy/benchmark/run.sh            full run (about 10 minutes)
#   deploy/benchmark/run.sh --quick    short run (about 3 minutes; the same measurements, shorter and smaller)
#   deploy/benchmark/run.sh --pack-reads   the pack-read scenario alone (5 years of history, the reads and their
#                                          bare comparisons; about 2 minutes)
#
# It starts (or reuses) the infrastructure (deploy/local/infra.sh up), builds the service jars when missing or older
# than their sources, recreates the benchmark databases (indicator_bench, task_bench, meeting_bench), starts its OWN
# service instances on ports 4808x (management 4908x) with the runtime of deploy/local/service-runtime.sh (JDK 25 +
# AOT cache, the JVM options of the manifests) and topics prefixed
# "bench.", measures with the Java load generator in loadgen/, prints the table and writes results/<timestamp>.json.
# It stops exactly what it started (also on failure or Ctrl-C); the infrastructure stays as it was found.
# Every setting has an environment variable: see deploy/benchmark/README.md.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../local/lib.sh
source "$BENCH_DIR/../local/lib.sh"
LOG_PREFIX="bench"

MODE=full
for a in "$@"; do
  case "$a" in
    --quick) MODE=quick ;;
    --pack-reads) MODE=reads ;;
    -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$a' (use --quick, --pack-reads or nothing)" ;;
  esac
done

# ---- settings (quick / full defaults; every one can be overridden from the environment) ----------------------
if [[ "$MODE" == reads ]]; then
  : "${BENCH_ROUNDS:=1}" "${BENCH_WARMUP:=5}" "${BENCH_DURATION:=8}" "${BENCH_TOKEN_DURATION:=8}"
  : "${BENCH_EVENT_SECONDS:=15}" "${BENCH_CONCLUSIONS:=3}" "${BENCH_HISTORY_YEARS:=5}" "${BENCH_BULK_ROWS:=1000}"
  : "${BENCH_READ_SECONDS:=20}" "${BENCH_SUSTAINED_SECONDS:=10}" "${BENCH_FIRST_START:=0}"
elif [[ "$MODE" == quick ]]; then
  : "${BENCH_ROUNDS:=1}" "${BENCH_WARMUP:=4}" "${BENCH_DURATION:=8}" "${BENCH_TOKEN_DURATION:=8}"
  : "${BENCH_EVENT_SECONDS:=15}" "${BENCH_CONCLUSIONS:=3}" "${BENCH_HISTORY_YEARS:=1}" "${BENCH_BULK_ROWS:=1000}"
  : "${BENCH_READ_SECONDS:=8}" "${BENCH_SUSTAINED_SECONDS:=10}" "${BENCH_FIRST_START:=0}"
else
  : "${BENCH_ROUNDS:=2}" "${BENCH_WARMUP:=8}" "${BENCH_DURATION:=20}" "${BENCH_TOKEN_DURATION:=20}"
  : "${BENCH_EVENT_SECONDS:=60}" "${BENCH_CONCLUSIONS:=10}" "${BENCH_HISTORY_YEARS:=5}" "${BENCH_BULK_ROWS:=100000}"
  : "${BENCH_READ_SECONDS:=20}" "${BENCH_SUSTAINED_SECONDS:=30}" "${BENCH_FIRST_START:=1}"
fi
: "${BENCH_CONCURRENCY:=16}" "${BENCH_EVENT_RATE:=500}" "${BENCH_DIRECTIVES:=5}" "${BENCH_INDICATORS:=50}"
: "${BENCH_UNITS:=15}" "${BENCH_READ_CONCURRENCY:=4}" "${BENCH_POLL_MS:=5}" "${BENCH_DRAIN_TIMEOUT:=900}"
: "${BENCH_BULK_TIMEOUT:=300}" "${BENCH_BULK_FALLBACK_ROWS:=2000}" "${BENCH_MAX_IN_FLIGHT:=64}"
: "${BENCH_AGGREGATION:=OWNER_REPORTED}" # how the benchmark indicators form the city figure (SUM_OF_UNITS: see README)
: "${BENCH_EVENT_SHAPES:=spread,cutoff}" # months of the event-latency figures: spread over 20 years, and/or one month (cut-off day)
: "${BENCH_CONSUMERS_PAUSED:=true}" # also an enforcer + RPT window with meeting-service and task-service stopped
: "${BENCH_DB:=fresh}"            # fresh: drop and recreate the benchmark databases; keep: reuse them
: "${BENCH_BUILD:=auto}"          # auto: build the service jars when missing or stale; never: use what is there
: "${BENCH_APPS_FROM:=$REPO_ROOT}" # where <service>/target/quarkus-app is copied from
: "${BENCH_READY_TIMEOUT:=120}"
: "${BENCH_PORT_BASE:=4808}"      # HTTP 48081..48084, management 49081..49084

WORK="$BENCH_DIR/work"
RESULTS="$BENCH_DIR/results"
RUN_DIR="$WORK/run"                # pid files of what this script starts (lib.sh's start_bg/pid_file use RUN_DIR)
BLOG="$WORK/logs"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$WORK" "$RUN_DIR" "$BLOG" "$RESULTS"
T_START="$(now)"

require_java
require_cmd curl ss

# ---- what we started, stopped on exit ------------------------------------------------------------------------
STARTED=()
cleanup() {
  local rc=$? name pid
  for name in "${STARTED[@]+"${STARTED[@]}"}"; do
    pid="$(head -n 1 "$(pid_file "$name")" 2>/dev/null || true)"
    if pid_alive "$pid"; then stop_pid "$name" "$pid" 30 "$name (benchmark instance)"; fi
  done
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- infrastructure ------------------------------------------------------------------------------------------
"$REPO_ROOT/deploy/local/infra.sh" up >"$BLOG/infra.log" 2>&1 || { show_log_tail "$BLOG/infra.log" 30; die "infra.sh up failed (log: $BLOG/infra.log)"; }
ok "infrastructure up (reused what was running)"
KC_PID="$(ss -Hltnp 'sport = :8180' 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)"
[[ -n "$KC_PID" ]] || warn "could not find Keycloak's pid (port 8180): its CPU per request will not be reported"

# ---- jars ----------------------------------------------------------------------------------------------------
APP_SERVICES=(indicator-service task-service meeting-service)
if [[ "$BENCH_BUILD" == auto && "$BENCH_APPS_FROM" == "$REPO_ROOT" ]]; then
  stale=()
  for s in "${APP_SERVICES[@]}"; do
    jar="$(service_jar "$s")"
    if [[ ! -f "$jar" ]]; then stale+=("$s"); continue; fi
    newer="$(find "$REPO_ROOT/pom.xml" "$REPO_ROOT/$s" "$REPO_ROOT/common" -name target -prune -o -type f -newer "$jar" -print -quit 2>/dev/null || true)"
    [[ -z "$newer" ]] || stale+=("$s")
  done
  if ((${#stale[@]} > 0)); then
    info "building the services (${stale[*]} missing or older than their sources): ./mvnw -B -q -DskipTests package (log: $BLOG/build.log)"
    t="$(now)"
    (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests package) >"$BLOG/build.log" 2>&1 \
      || { show_log_tail "$BLOG/build.log" 40; die "the build failed (log: $BLOG/build.log)"; }
    ok "services built ($(elapsed_since "$t") s)"
  fi
  # indicator-service with the bare baseline endpoint and table (profile bench, built into target-bench/): the
  # production artifact in target/ holds neither.
  bjar="$REPO_ROOT/indicator-service/target-bench/quarkus-app/quarkus-run.jar"
  if [[ ! -f "$bjar" || -n "$(find "$REPO_ROOT/pom.xml" "$REPO_ROOT/indicator-service" "$REPO_ROOT/common" -name 'target*' -prune -o -type f -newer "$bjar" -print -quit 2>/dev/null || true)" ]]; then
    info "building indicator-service with the bare baseline: ./mvnw -B -q -DskipTests package -pl common,indicator-service -Pbench"
    t="$(now)"
    (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests package -pl common,indicator-service -Pbench) >"$BLOG/build-bench.log" 2>&1 \
      || { show_log_tail "$BLOG/build-bench.log" 40; die "the bench build failed (log: $BLOG/build-bench.log)"; }
    ok "indicator-service (bench profile) built ($(elapsed_since "$t") s)"
  fi
fi
# Run from a copy: a rebuild in the working tree during the benchmark must not change the jars under the JVMs.
for s in "${APP_SERVICES[@]}"; do
  src="$BENCH_APPS_FROM/$s/target/quarkus-app"
  [[ "$s" != indicator-service ]] || src="$BENCH_APPS_FROM/$s/target-bench/quarkus-app"
  [[ -f "$src/quarkus-run.jar" ]] || die "$src/quarkus-run.jar is missing (BENCH_BUILD=$BENCH_BUILD)"
  # -a keeps file times: an AOT cache trained for the build (app.aot, see below) stays valid for the copy
  rm -rf "$WORK/app/$s"; mkdir -p "$WORK/app"; cp -a "$src" "$WORK/app/$s"
done

LOADGEN="$BENCH_DIR/loadgen/target/loadgen.jar"
if [[ ! -f "$LOADGEN" || -n "$(find "$BENCH_DIR/loadgen/pom.xml" "$BENCH_DIR/loadgen/src" -newer "$LOADGEN" -print -quit)" ]]; then
  info "building the load generator: ./mvnw -f deploy/benchmark/loadgen/pom.xml -q package"
  (cd "$REPO_ROOT" && ./mvnw -B -q -f deploy/benchmark/loadgen/pom.xml package) >"$BLOG/loadgen-build.log" 2>&1 \
    || { show_log_tail "$BLOG/loadgen-build.log" 30; die "the load generator did not build (log: $BLOG/loadgen-build.log)"; }
fi
loadgen() { local cmd="$1"; shift; "$JAVA_BIN" -Xmx512m -XX:+UseParallelGC "$@" -jar "$LOADGEN" "$cmd"; }  # loadgen <command> [-D...]

# ---- the runtime of every service launch (deploy/local/service-runtime.sh): JDK 25 + the service's AOT cache when
# a JDK 25 exists, the JVM options of deploy/local/service-jvm.options (= the start of the manifests' JAVA_OPTS) ---
RUNTIME="$REPO_ROOT/deploy/local/service-runtime.sh"
RUNTIME_DESC="$("$RUNTIME" describe)"
info "$RUNTIME_DESC"
# BENCH_LEGACY=1 measures the runtime before issue 14 instead: the java of the PATH, the manifests' old options.
: "${BENCH_LEGACY:=0}" "${BENCH_LEGACY_OPTS:=-Xmx384m -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError}"
if ((BENCH_LEGACY)); then
  HEAP_DESC="legacy runtime: $JAVA_BIN $BENCH_LEGACY_OPTS"
else
  # training runs (AOT caches) for the copies, all at once, before anything is timed
  pids=()
  for s in "${APP_SERVICES[@]}"; do "$RUNTIME" train "$s" "$WORK/app/$s" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
  HEAP_DESC="$(sed -n 's/^the services run on //p' <<<"$RUNTIME_DESC" | sed 's/ (\/[^)]*)//'); $(sed -e 's/#.*//' "$REPO_ROOT/deploy/local/service-jvm.options" | grep -v '^ *$' | tr '\n' ' ')"
fi
jvm_command() { # <service> -> the JVM part of the launch command, one argument a line
  if ((BENCH_LEGACY)); then
    printf '%s\n' "$JAVA_BIN"
    # shellcheck disable=SC2086
    printf '%s\n' $BENCH_LEGACY_OPTS
  else
    "$RUNTIME" command "$1" "$WORK/app/$1"
  fi
}

# ---- databases and topics ------------------------------------------------------------------------------------
loadgen prepare-db -Dbench.db="$BENCH_DB"
TOPICS=(bench.indicator-events bench.task-events bench.meeting-events bench.task-service.dlq bench.meeting-service.dlq)
TOOL_JVM_OPTS="-Dlog4j2.configurationFile=$LOCAL_DIR/kafka/config/log4j2-tools.properties" \
  java_tool KafkaTool "$LOCAL_DIR/kafka/libs/*" 127.0.0.1:9092 ensure-topics 60 3 1 "${TOPICS[@]}" >"$BLOG/topics.log" 2>&1 \
  || { cat "$BLOG/topics.log" >&2; die "could not create the bench.* topics"; }
if [[ "$BENCH_DB" == fresh ]]; then
  # Fresh read models start at the topics' end: what an earlier (e.g. interrupted) run left unconsumed on the bench.*
  # topics would otherwise be consumed first, and with city-result-changed that backlog can take minutes.
  for g in meeting-service-bench task-service-bench; do
    "$JAVA_BIN" -Xmx128m "-Dlog4j2.configurationFile=$LOCAL_DIR/kafka/config/log4j2-tools.properties" -cp "$LOCAL_DIR/kafka/libs/*" \
      org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:9092 --group "$g" \
      --reset-offsets --to-latest --all-topics --execute >>"$BLOG/topics.log" 2>&1 \
      || warn "could not move consumer group $g to the end of the bench.* topics (log: $BLOG/topics.log)"
  done
fi
ok "databases ($BENCH_DB) and bench.* topics ready"

# ---- the service instances -----------------------------------------------------------------------------------
P="$BENCH_PORT_BASE"; M="$((BENCH_PORT_BASE + 100))"
# name  service  http  management  database  extra -D flags
common_flags() { # <service> <http> <mgmt> <db>
  printf '%s\n' "-Dquarkus.http.port=$2" "-Dquarkus.management.port=$3" \
    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:55432/$4" \
    "-Dquarkus.datasource.reactive.url=postgresql://localhost:55432/$4"
}
flags_for() {
  case "$1" in
    indicator-service | indicator-service-bearer-only)
      common_flags indicator-service "$2" "$3" indicator_bench
      printf '%s\n' -Dcity.outbox.topic=bench.indicator-events -Dcity.bench.enabled=true \
        "-Dquarkus.http.auth.permission.bench.paths=/bench/*" -Dquarkus.http.auth.permission.bench.policy=permit \
        "-Dquarkus.keycloak.policy-enforcer.paths.bench.paths=/bench/*" \
        -Dquarkus.keycloak.policy-enforcer.paths.bench.enforcement-mode=DISABLED
      [[ "$1" == indicator-service-bearer-only ]] \
        && printf '%s\n' -Dquarkus.keycloak.policy-enforcer.paths.figures.enforcement-mode=DISABLED
      ;;
    task-service)
      common_flags task-service "$2" "$3" task_bench
      printf '%s\n' -Dcity.outbox.topic=bench.task-events \
        -Dmp.messaging.incoming.meeting-events.topic=bench.meeting-events \
        -Dmp.messaging.incoming.meeting-events.group.id=task-service-bench \
        -Dmp.messaging.incoming.meeting-events.dead-letter-queue.topic=bench.task-service.dlq \
        -Dmp.messaging.incoming.indicator-events.topic=bench.indicator-events \
        -Dmp.messaging.incoming.indicator-events.group.id=task-service-bench \
        -Dmp.messaging.incoming.indicator-events.dead-letter-queue.topic=bench.task-service.dlq
      ;;
    meeting-service)
      common_flags meeting-service "$2" "$3" meeting_bench
      printf '%s\n' -Dcity.outbox.topic=bench.meeting-events \
        -Dmp.messaging.incoming.indicator-events.topic=bench.indicator-events \
        -Dmp.messaging.incoming.indicator-events.group.id=meeting-service-bench \
        -Dmp.messaging.incoming.indicator-events.dead-letter-queue.topic=bench.meeting-service.dlq \
        -Dmp.messaging.incoming.task-events.topic=bench.task-events \
        -Dmp.messaging.incoming.task-events.group.id=meeting-service-bench \
        -Dmp.messaging.incoming.task-events.dead-letter-queue.topic=bench.meeting-service.dlq
      ;;
  esac
}
INSTANCES=(
  "indicator-service indicator-service $((P * 10 + 1)) $((M * 10 + 1))"
  "task-service task-service $((P * 10 + 2)) $((M * 10 + 2))"
  "meeting-service meeting-service $((P * 10 + 3)) $((M * 10 + 3))"
  "indicator-service-bearer-only indicator-service $((P * 10 + 4)) $((M * 10 + 4))"
)
declare -A READY_S=() RSS_READY=() PID_OF=() FIRST_READY_S=()
WORKAROUNDS=""

# Launches one instance and waits for /q/health/ready (polled every 50 ms); sets READY_S, RSS_READY, PID_OF.
launch() {
  local name="$1" svc="$2" http="$3" mgmt="$4"
  require_port_free "$http" "$name (benchmark HTTP)"
  require_port_free "$mgmt" "$name (benchmark management)"
  local jvm=() jvm_out flags=() log="$BLOG/$name.log"
  jvm_out="$(jvm_command "$svc")" || die "$svc: no launch command"
  mapfile -t jvm <<<"$jvm_out"
  mapfile -t flags < <(flags_for "$name" "$http" "$mgmt")
  # Workaround (task-service as of this writing): quarkus.class-loading.parent-first-artifacts puts kafka-clients
  # into lib/boot, where org.slf4j is not visible, and the production jar fails at start with
  # NoClassDefFoundError org/slf4j/LoggerFactory. slf4j-api on the boot class path lets it start (the Kafka client's
  # own log lines are then dropped). Nothing else changes; the workaround is reported in the results.
  local boot=()
  if ls "$WORK/app/$svc/lib/boot/"*kafka-clients*.jar >/dev/null 2>&1 && ! ls "$WORK/app/$svc/lib/boot/"*slf4j*.jar >/dev/null 2>&1; then
    local slf; slf="$(ls "$WORK/app/$svc/lib/main/"org.slf4j.slf4j-api-*.jar 2>/dev/null | head -n 1)"
    if [[ -n "$slf" ]]; then
      boot=("-Xbootclasspath/a:$slf")
      warn "$svc: kafka-clients is loaded parent-first without slf4j (quarkus.class-loading.parent-first-artifacts): starting it with -Xbootclasspath/a:$(basename "$slf")"
      WORKAROUNDS+="$svc: -Xbootclasspath/a:$(basename "$slf") (kafka-clients parent-first without slf4j); "
    fi
  fi
  local t0; t0="$(now)"
  # LOCAL ONLY credentials (the local database role and the local realm's client secrets), as deploy/local/up.sh
  # shellcheck disable=SC2086
  (cd "$WORK/app/$svc" && start_bg "$name" "$log" env QUARKUS_DATASOURCE_USERNAME=city QUARKUS_DATASOURCE_PASSWORD=city \
    "QUARKUS_OIDC_CREDENTIALS_SECRET=$svc-secret" "${jvm[@]}" "${boot[@]+"${boot[@]}"}" "${flags[@]}" -jar "$WORK/app/$svc/quarkus-run.jar") || exit 1
  STARTED+=("$name")
  local pid; pid="$(head -n 1 "$(pid_file "$name")")"
  local deadline=$((SECONDS + BENCH_READY_TIMEOUT))
  until curl -fsS --max-time 2 "http://localhost:$mgmt/q/health/ready" 2>/dev/null | grep -Eq '"status" *: *"UP"'; do
    pid_alive "$pid" || { show_log_tail "$log" 40; die "$name exited while starting (log: $log)"; }
    ((SECONDS < deadline)) || { show_log_tail "$log" 40; die "$name not ready after ${BENCH_READY_TIMEOUT}s (log: $log)"; }
    sleep 0.05
  done
  READY_S[$name]="$(elapsed_since "$t0")"
  RSS_READY[$name]="$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")"
  PID_OF[$name]="$pid"
  ok "$name ready in ${READY_S[$name]} s, RSS ${RSS_READY[$name]} MB (pid $pid, HTTP $http, management $mgmt)"
}

# First start: migrations on the fresh databases (reported separately); then the measured start on the schema.
# The consumers go first and indicator-service last, so nothing is being consumed when a first-start instance is
# stopped (a consumer stopped mid-stream sends what it still receives to its dead-letter topic: "Pool closed").
FIRST_ORDER=("${INSTANCES[1]}" "${INSTANCES[2]}" "${INSTANCES[0]}")
((BENCH_FIRST_START)) && for inst in "${FIRST_ORDER[@]}"; do
  read -r name svc http mgmt <<<"$inst"
  launch "$name" "$svc" "$http" "$mgmt"
  FIRST_READY_S[$name]="${READY_S[$name]}"
  stop_pid "$name" "${PID_OF[$name]}" 30 "$name (first start, migrations)"
done
for inst in "${INSTANCES[@]}"; do
  read -r name svc http mgmt <<<"$inst"
  launch "$name" "$svc" "$http" "$mgmt"
done

# The runtime overrides took effect: the baseline answers anonymously, the bearer-only instance skips the enforcer.
IND="http://localhost:$((P * 10 + 1))"
code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"indicatorCode":"X","unitCode":"X","period":"2020-01","version":"ESTIMATE","value":1}' "$IND/bench/baseline")"
[[ "$code" == 201 ]] || die "POST $IND/bench/baseline answered $code, not 201: the bench flags did not take effect (log: $BLOG/indicator-service.log)"

FOOTPRINT=""
for inst in "${INSTANCES[@]}"; do
  read -r name _ <<<"$inst"
  FOOTPRINT+="$name:${PID_OF[$name]}:${READY_S[$name]}:${RSS_READY[$name]},"
done
FIRST=""
for n in "${!FIRST_READY_S[@]}"; do FIRST+="$n:${FIRST_READY_S[$n]},"; done

# ---- measure -------------------------------------------------------------------------------------------------
OUT="$RESULTS/$STAMP.json"
info "measuring ($MODE mode); load generator log follows"
LOADGEN_CMD=run; [[ "$MODE" != reads ]] || LOADGEN_CMD=reads
loadgen "$LOADGEN_CMD" -Dbench.mode="$MODE" -Dbench.out="$OUT" -Dbench.footprint="$FOOTPRINT" -Dbench.firstStart="$FIRST" \
  -Dbench.keycloakPid="${KC_PID:-0}" -Dbench.workarounds="$WORKAROUNDS" -Dbench.heap="$HEAP_DESC" \
  -Dbench.indicator="$IND" -Dbench.indicatorBearer="http://localhost:$((P * 10 + 4))" \
  -Dbench.meeting="http://localhost:$((P * 10 + 3))" \
  -Dbench.rounds="$BENCH_ROUNDS" -Dbench.concurrency="$BENCH_CONCURRENCY" -Dbench.warmup="$BENCH_WARMUP" \
  -Dbench.duration="$BENCH_DURATION" -Dbench.tokenDuration="$BENCH_TOKEN_DURATION" \
  -Dbench.eventRate="$BENCH_EVENT_RATE" -Dbench.eventSeconds="$BENCH_EVENT_SECONDS" -Dbench.pollMs="$BENCH_POLL_MS" \
  -Dbench.conclusions="$BENCH_CONCLUSIONS" -Dbench.directives="$BENCH_DIRECTIVES" \
  -Dbench.indicators="$BENCH_INDICATORS" -Dbench.units="$BENCH_UNITS" -Dbench.historyYears="$BENCH_HISTORY_YEARS" \
  -Dbench.aggregation="$BENCH_AGGREGATION" -Dbench.eventShapes="$BENCH_EVENT_SHAPES" \
  -Dbench.consumersPaused="$BENCH_CONSUMERS_PAUSED" \
  -Dbench.bulkRows="$BENCH_BULK_ROWS" -Dbench.drainTimeout="$BENCH_DRAIN_TIMEOUT" -Dbench.bulkTimeout="$BENCH_BULK_TIMEOUT" \
  -Dbench.bulkFallbackRows="$BENCH_BULK_FALLBACK_ROWS" \
  -Dbench.sustainedSeconds="$BENCH_SUSTAINED_SECONDS" -Dbench.maxInFlight="$BENCH_MAX_IN_FLIGHT" \
  -Dbench.readConcurrency="$BENCH_READ_CONCURRENCY" -Dbench.readSeconds="$BENCH_READ_SECONDS" \
  | tee "$RESULTS/$STAMP.md"
ok "benchmark done in $(elapsed_since "$T_START") s: $OUT (table: $RESULTS/$STAMP.md)"
