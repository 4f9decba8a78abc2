#!/usr/bin/env bash
# Local infrastructure without Docker: PostgreSQL 18, Apache Kafka 4 (KRaft, one node) and Keycloak 26, all fetched
# from Maven Central into <repo>/.local by this script (nothing needs to be pre-installed but a JDK 17+, curl, tar
# and xz; unzip is used when present, the JDK's jar tool otherwise).
#
#   deploy/local/infra.sh up      [postgres|kafka|keycloak ...]   start (or reuse) the components, default all
#   deploy/local/infra.sh down    [postgres|kafka|keycloak ...]   stop what this stack started, default all
#   deploy/local/infra.sh restart [postgres|kafka|keycloak ...]
#   deploy/local/infra.sh status
#   deploy/local/infra.sh is-up   postgres|kafka|keycloak         exit 0 when the component answers (ours or not)
#
# Ports: PostgreSQL 55432, Kafka 9092 (+ controller 9093), Keycloak 8180 (+ management 9001).
# Environment:
#   CITY_PG_HOST, CITY_PG_PORT (default 5432), CITY_PG_SUPERUSER (default postgres), CITY_PG_PASSWORD (default
#     postgres): use an existing PostgreSQL server instead of starting one; the script only ensures role and
#     databases on it.
#   CITY_PG_OS_USER (default citypg): the unprivileged account PostgreSQL runs as when this script runs as root.
#   CITY_LOCAL_DIR (default <repo>/.local).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LOG_PREFIX="infra"

ALL_COMPONENTS=(postgres kafka keycloak)

# ===============================================================================================================
# Fetching (one Maven run for whatever is missing: deploy/local/fetch/pom.xml)
# ===============================================================================================================
pg_arch() {
  case "$(uname -m)" in
    x86_64 | amd64) echo amd64 ;;
    aarch64 | arm64) echo arm64v8 ;;
    *) die "no PostgreSQL binaries on Maven Central for CPU $(uname -m); set CITY_PG_HOST to use an existing server." ;;
  esac
}
KC_ZIP_NAME="keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
PGJDBC_NAME="postgresql-$PGJDBC_VERSION.jar"
pg_jar_name() { printf 'embedded-postgres-binaries-linux-%s-%s.jar' "$(pg_arch)" "$PG_VERSION"; }

# Usage: fetch_pieces kafka|keycloak|postgres|pgjdbc ...  -> files in $DOWNLOAD_DIR (from ~/.m2 or Maven Central)
fetch_pieces() {
  (($# > 0)) || return 0
  local p args=() t0; t0="$(now)"
  for p in kafka keycloak postgres pgjdbc; do
    if [[ " $* " == *" $p "* ]]; then args+=("-Dfetch.skip.$p=false"); else args+=("-Dfetch.skip.$p=true"); fi
  done
  info "fetching $* (Maven Central, or ~/.m2 when already there; Keycloak is ~180 MB the first time)…"
  mvnw_fetch generate-resources "-Dfetch.dir=$DOWNLOAD_DIR" "-Dkafka.version=$KAFKA_VERSION" \
    "-Dkeycloak.version=$KEYCLOAK_VERSION" "-Dpostgres.binaries.version=$PG_VERSION" \
    "-Dpostgres.binaries.arch=$(pg_arch)" "-Dpgjdbc.version=$PGJDBC_VERSION" "${args[@]}"
  ok "fetched $* ($(elapsed_since "$t0") s)"
}

# ===============================================================================================================
# PostgreSQL
# ===============================================================================================================
# LOCAL ONLY credentials: the application role city/city and the superuser postgres/postgres exist only on this
# developer/CI machine's throw-away server, listening on 127.0.0.1. Never reuse them anywhere else.
PG_APP_ROLE="city"
PG_APP_PASSWORD="city"
# run databases, the @QuarkusTest ones (_test), the system tests' (_st) and the benchmark's (_bench)
PG_DATABASES=(indicator task meeting)
for _suffix in test st bench; do PG_DATABASES+=("indicator_$_suffix" "task_$_suffix" "meeting_$_suffix"); done

PG_EXTERNAL=0
if [[ -n "${CITY_PG_HOST:-}" ]]; then
  PG_EXTERNAL=1
  PG_HOST="$CITY_PG_HOST"
  PG_PORT="${CITY_PG_PORT:-5432}"
else
  PG_HOST="127.0.0.1"
  PG_PORT="55432"
  [[ -n "${CITY_PG_PORT:-}" && "${CITY_PG_PORT}" != "55432" ]] \
    && die "CITY_PG_PORT is only used together with CITY_PG_HOST (an existing server); the server this script starts listens on 55432, which the services expect."
fi
PG_SUPERUSER="${CITY_PG_SUPERUSER:-postgres}"
PG_SUPERPASS="${CITY_PG_PASSWORD:-postgres}"
PG_OS_USER="${CITY_PG_OS_USER:-citypg}"
PG_BASE="$LOCAL_DIR/postgres"     # may become a symlink, see pg_resolve_base
PG_LOG_LINK="$LOG_DIR/postgres.log"

pg_set_paths() {
  PG_DIST="$PG_BASE/dist"
  PG_DATA="$PG_BASE/data"
  PG_SOCK="$PG_BASE/run"
  PG_LOG="$PG_BASE/log/postgres.log"
}
pg_set_paths

# Runs a command as the PostgreSQL OS user (root) or as ourselves (non-root), with a clean environment.
as_pg() {
  if ((EUID == 0)); then
    (cd "$PG_BASE" 2>/dev/null || cd /; env -i PATH=/usr/bin:/bin LC_ALL=C TZ="${TZ:-Etc/UTC}" \
      setpriv --reuid="$PG_OS_USER" --regid="$PG_OS_USER" --init-groups -- "$@")
  else
    (cd "$PG_BASE" 2>/dev/null || cd /; env -i PATH=/usr/bin:/bin LC_ALL=C TZ="${TZ:-Etc/UTC}" HOME="${HOME:-/tmp}" "$@")
  fi
}

pg_ensure_os_user() {
  ((EUID == 0)) || return 0
  require_cmd setpriv
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    command -v useradd >/dev/null 2>&1 || die "PostgreSQL refuses to run as root and user '$PG_OS_USER' does not exist; 'useradd' is missing to create it. Create an unprivileged user and set CITY_PG_OS_USER."
    local shell=/usr/sbin/nologin; [[ -x "$shell" ]] || shell=/bin/false
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell "$shell" "$PG_OS_USER" \
      || die "could not create the system user '$PG_OS_USER' (PostgreSQL refuses to run as root)."
    info "created system user '$PG_OS_USER' to run PostgreSQL (it refuses to run as root)"
  fi
}

# PostgreSQL (run as $PG_OS_USER) must reach its folder. When the repository lives somewhere that user cannot
# enter (e.g. under /root, mode 700), the PostgreSQL folder moves to /var/tmp and .local/postgres links to it.
pg_resolve_base() {
  ((EUID == 0)) || return 0
  if [[ -L "$PG_BASE" ]]; then
    PG_BASE="$(readlink -f "$PG_BASE")"; pg_set_paths
    mkdir -p "$PG_BASE"; chown "$PG_OS_USER:" "$PG_BASE"
    return 0
  fi
  mkdir -p "$PG_BASE"
  chown "$PG_OS_USER:" "$PG_BASE"
  if as_pg test -w "$PG_BASE" -a -x "$PG_BASE"; then return 0; fi
  if [[ -n "$(ls -A "$PG_BASE" 2>/dev/null)" ]]; then
    die "user '$PG_OS_USER' cannot reach $PG_BASE (a parent folder is not traversable), and that folder is not empty. Make the parents traversable (chmod o+x), or delete $PG_BASE to let the script move PostgreSQL to /var/tmp."
  fi
  local target
  target="/var/tmp/city-local-postgres-$(printf '%s' "$LOCAL_DIR" | sha256sum | cut -c1-12)"
  if [[ -e "$target" ]]; then
    # left over from a previous .local that was deleted (a reset): stop what runs there, then start afresh
    local old; old="$(head -n 1 "$target/data/postmaster.pid" 2>/dev/null || true)"
    if pid_alive "$old" && [[ "$(proc_cmdline "$old")" == *"$target"* ]]; then
      warn "stopping the PostgreSQL of a deleted .local still running from $target (pid $old)"
      PG_BASE="$target"; pg_set_paths; as_pg "$PG_DIST/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || kill -KILL "$old" 2>/dev/null || true
    fi
    rm -rf "$target"
  fi
  rmdir "$LOCAL_DIR/postgres"
  mkdir -p "$target"; chown "$PG_OS_USER:" "$target"; chmod 700 "$target"
  ln -s "$target" "$LOCAL_DIR/postgres"
  warn "user '$PG_OS_USER' cannot enter $LOCAL_DIR, so PostgreSQL lives in $target (linked from .local/postgres)."
  PG_BASE="$target"; pg_set_paths
}

pg_ensure_dist() {
  if [[ -x "$PG_DIST/bin/postgres" && "$(cat "$PG_DIST/.version" 2>/dev/null)" == "$PG_VERSION" ]]; then return 0; fi
  require_cmd tar xz
  local jar; jar="$DOWNLOAD_DIR/$(pg_jar_name)"
  [[ -f "$jar" ]] || fetch_pieces postgres
  [[ -f "$jar" ]] || die "expected $jar after the download (see $LOG_DIR/fetch.log)"
  local t0; t0="$(now)"
  rm -rf "$PG_DIST.tmp" "$PG_DIST.jar"; mkdir -p "$PG_DIST.tmp"
  unzip_to "$jar" "$PG_DIST.jar"
  local txz; txz="$(find "$PG_DIST.jar" -maxdepth 1 -name '*.txz' -print -quit)"
  [[ -n "$txz" ]] || die "no .txz archive inside $jar"
  tar -xJf "$txz" -C "$PG_DIST.tmp" || die "could not unpack $txz (from $jar)"
  rm -rf "$PG_DIST.jar"
  [[ -x "$PG_DIST.tmp/bin/postgres" ]] || die "no bin/postgres inside $jar"
  printf '%s' "$PG_VERSION" >"$PG_DIST.tmp/.version"
  chmod -R a+rX "$PG_DIST.tmp"
  rm -rf "$PG_DIST"; mv "$PG_DIST.tmp" "$PG_DIST"; rm -f "$jar"
  ok "PostgreSQL $PG_VERSION unpacked into $PG_DIST ($(elapsed_since "$t0") s)"
}

pg_ensure_cluster() {
  local owner="${PG_OS_USER}"; ((EUID == 0)) || owner="$(id -un)"
  mkdir -p "$PG_SOCK" "$(dirname "$PG_LOG")"
  touch "$PG_LOG"
  if ((EUID == 0)); then chown "$owner:" "$PG_SOCK" "$(dirname "$PG_LOG")" "$PG_LOG"; fi
  chmod 700 "$PG_SOCK"
  ln -sfn "$PG_LOG" "$PG_LOG_LINK"
  if [[ -f "$PG_DATA/PG_VERSION" ]]; then
    local major="${PG_VERSION%%.*}" have; have="$(cat "$PG_DATA/PG_VERSION")"
    [[ "$have" == "$major" ]] || die "$PG_DATA holds a PostgreSQL $have cluster but the stack runs PostgreSQL $major. Reset it: deploy/local/infra.sh down postgres && rm -rf $PG_BASE/data"
    return 0
  fi
  if [[ -d "$PG_DATA" && -n "$(ls -A "$PG_DATA" 2>/dev/null)" ]]; then
    die "$PG_DATA is not empty but holds no PostgreSQL cluster (an interrupted initdb?). Delete it and retry: rm -rf $PG_DATA"
  fi
  local t0; t0="$(now)"
  info "initialising the PostgreSQL cluster in $PG_DATA (superuser $PG_SUPERUSER, scram-sha-256, UTF8)…"
  mkdir -p "$PG_DATA"; chmod 700 "$PG_DATA"
  local pw="$PG_SOCK/initdb.pw"
  (umask 077; printf '%s\n' "$PG_SUPERPASS" >"$pw")
  if ((EUID == 0)); then chown "$owner:" "$PG_DATA" "$pw"; fi
  # builtin C.UTF-8 collation provider (PostgreSQL 17+): Unicode-aware upper()/lower() without depending on the
  # operating system's locales.
  if ! as_pg "$PG_DIST/bin/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" --pwfile="$pw" --auth=scram-sha-256 \
      -E UTF8 --locale-provider=builtin --builtin-locale=C.UTF-8 --locale=C >>"$PG_LOG" 2>&1; then
    rm -f "$pw"; show_log_tail "$PG_LOG"
    die "initdb failed (log: $PG_LOG_LINK). Remove $PG_DATA before retrying."
  fi
  rm -f "$pw"
  ok "PostgreSQL cluster initialised ($(elapsed_since "$t0") s)"
}

pg_write_conf() {
  local sock="$PG_SOCK"
  # a Unix socket path is limited to 107 bytes
  if (( ${#sock} + 20 > 107 )); then
    warn "socket folder path too long for a Unix socket ($sock): PostgreSQL listens on TCP 127.0.0.1:$PG_PORT only"
    sock=""
  fi
  local conf="$PG_DATA/city-local.conf"
  cat >"$conf" <<EOF
# Written by deploy/local/infra.sh at every start: edit the script, not this file.
# Local development/test server tuned for a 2-core machine.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
max_connections = 200
shared_buffers = 128MB
fsync = on
synchronous_commit = on
password_encryption = scram-sha-256
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_min_messages = warning
log_connections = off
EOF
  grep -q "^include_if_exists = 'city-local.conf'" "$PG_DATA/postgresql.conf" \
    || printf "\n# local stack settings (deploy/local/infra.sh)\ninclude_if_exists = 'city-local.conf'\n" >>"$PG_DATA/postgresql.conf"
  if ((EUID == 0)); then chown "$PG_OS_USER:" "$conf" "$PG_DATA/postgresql.conf"; fi
}

# pid of OUR postmaster (started from $PG_DATA), or nothing
pg_our_pid() {
  local pid
  pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  if pid_alive "$pid" && [[ "$(proc_cmdline "$pid")" == *"$PG_DATA"* ]]; then
    printf '%s' "$pid"; return 0
  fi
  return 1
}

PGJDBC_JAR="$TOOLS_DIR/postgresql-$PGJDBC_VERSION.jar"
# the JDBC driver of the role/database helper (the PostgreSQL binaries ship no psql)
pg_ensure_jdbc() {
  [[ -f "$PGJDBC_JAR" ]] && return 0
  [[ -f "$DOWNLOAD_DIR/$PGJDBC_NAME" ]] || fetch_pieces pgjdbc
  [[ -f "$DOWNLOAD_DIR/$PGJDBC_NAME" ]] || die "expected $DOWNLOAD_DIR/$PGJDBC_NAME after the download (see $LOG_DIR/fetch.log)"
  mkdir -p "$TOOLS_DIR"; mv "$DOWNLOAD_DIR/$PGJDBC_NAME" "$PGJDBC_JAR"
}

pg_tool() {
  pg_ensure_jdbc
  java_tool PgTool "$PGJDBC_JAR" "$@"
}

pg_ensure_roles() {
  pg_ensure_jdbc
  local out
  if ! out="$(pg_tool "$PG_HOST" "$PG_PORT" "$PG_SUPERUSER" "$PG_SUPERPASS" ensure "$PG_APP_ROLE" "$PG_APP_PASSWORD" "${PG_DATABASES[@]}" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "could not create role '$PG_APP_ROLE' and the databases on $PG_HOST:$PG_PORT as '$PG_SUPERUSER'."
  fi
  [[ -n "$out" ]] && sed 's/^/    /' <<<"$out" >&2
  ok "PostgreSQL: role '$PG_APP_ROLE' and databases ${PG_DATABASES[*]} present"
}

postgres_is_up() {
  if ((PG_EXTERNAL == 0)) && pg_our_pid >/dev/null; then return 0; fi
  port_in_use_host "$PG_HOST" "$PG_PORT" || return 1
  pg_tool "$PG_HOST" "$PG_PORT" "$PG_SUPERUSER" "$PG_SUPERPASS" ping >/dev/null 2>&1
}

port_in_use_host() {
  local host="$1" port="$2"
  if [[ "$host" == 127.0.0.1 || "$host" == localhost ]]; then port_in_use "$port"; return; fi
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

postgres_up() {
  local t0; t0="$(now)"
  ensure_dirs
  if ((PG_EXTERNAL)); then
    info "PostgreSQL: using the existing server at $PG_HOST:$PG_PORT (CITY_PG_HOST is set; nothing is started)"
    local v rc=0
    v="$(pg_tool "$PG_HOST" "$PG_PORT" "$PG_SUPERUSER" "$PG_SUPERPASS" ping 2>&1)" || rc=$?
    ((rc == 0)) || die "cannot use PostgreSQL at $PG_HOST:$PG_PORT as '$PG_SUPERUSER' (CITY_PG_SUPERUSER/CITY_PG_PASSWORD): $v"
    info "$v"
    pg_ensure_roles
    return 0
  fi
  pg_ensure_os_user
  pg_resolve_base
  local pid
  if pid="$(pg_our_pid)"; then
    ok "PostgreSQL already running (pid $pid, port $PG_PORT): reusing it"
    pg_ensure_roles
    return 0
  fi
  if port_in_use "$PG_PORT"; then
    local rc=0 v
    v="$(pg_tool "$PG_HOST" "$PG_PORT" "$PG_SUPERUSER" "$PG_SUPERPASS" ping 2>&1)" || rc=$?
    if ((rc == 0)); then
      warn "port $PG_PORT answers as a PostgreSQL not started by this stack ($(port_holder "$PG_PORT")): reusing it, it will not be stopped by 'down'"
      pg_ensure_roles
      return 0
    fi
    die "port $PG_PORT (needed by PostgreSQL) is already in use by $(port_holder "$PG_PORT"), which is not our PostgreSQL (or refuses $PG_SUPERUSER/***). Stop it, or point the stack at an existing server with CITY_PG_HOST/CITY_PG_PORT/CITY_PG_SUPERUSER/CITY_PG_PASSWORD."
  fi
  pg_ensure_dist
  pg_ensure_cluster
  pg_write_conf
  info "starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT…"
  # setsid: the postmaster gets its own session, so a Ctrl-C in the terminal does not reach it
  if ! as_pg setsid -w "$PG_DIST/bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s start >>"$PG_LOG" 2>&1; then
    show_log_tail "$PG_LOG"
    die "PostgreSQL did not start within 60 s (log: $PG_LOG_LINK)"
  fi
  pid="$(pg_our_pid)" || { show_log_tail "$PG_LOG"; die "PostgreSQL started but no postmaster.pid in $PG_DATA (log: $PG_LOG_LINK)"; }
  printf '%s\n' "$pid" >"$(pid_file postgres)"   # for information; the truth is $PG_DATA/postmaster.pid
  pg_ensure_roles
  ok "PostgreSQL ready: pid $pid, 127.0.0.1:$PG_PORT ($(elapsed_since "$t0") s)"
}

postgres_down() {
  if ((PG_EXTERNAL)); then info "PostgreSQL: external server $PG_HOST:$PG_PORT, not stopped"; return 0; fi
  if [[ -L "$PG_BASE" ]]; then PG_BASE="$(readlink -f "$PG_BASE")"; pg_set_paths; fi
  local pid
  if ! pid="$(pg_our_pid)"; then info "PostgreSQL: not running (nothing of ours to stop)"; return 0; fi
  local t0; t0="$(now)"
  # 'fast' shutdown (SIGINT): SIGTERM would be PostgreSQL's 'smart' mode, which waits for every client to leave.
  info "stopping PostgreSQL (pid $pid, fast shutdown)…"
  if ! as_pg "$PG_DIST/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 -s stop >>"$PG_LOG" 2>&1; then
    warn "PostgreSQL did not stop within 30 s: immediate shutdown"
    as_pg "$PG_DIST/bin/pg_ctl" -D "$PG_DATA" -m immediate -w -t 15 -s stop >>"$PG_LOG" 2>&1 || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file postgres)"
  ok "PostgreSQL stopped ($(elapsed_since "$t0") s)"
}

# ===============================================================================================================
# Kafka
# ===============================================================================================================
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
K_BASE="$LOCAL_DIR/kafka"
K_LIBS="$K_BASE/libs"
K_CONF="$K_BASE/config"
K_DATA="$K_BASE/data"
K_LOG="$LOG_DIR/kafka.log"
KAFKA_HEAP="-Xms256m -Xmx512m"
KAFKA_TOPIC_PARTITIONS=3
KAFKA_TOPICS=(indicator-events task-events meeting-events task-service.dlq meeting-service.dlq)
KAFKA_ALL_TOPICS=("${KAFKA_TOPICS[@]}")
# the same topics for the @QuarkusTest runs (test.), the system tests (st.) and the benchmark (bench.)
for _t in "${KAFKA_TOPICS[@]}"; do KAFKA_ALL_TOPICS+=("test.$_t" "st.$_t" "bench.$_t"); done
K_MARKER="kafka.Kafka $K_CONF/server.properties"

# identifies the jar set: Kafka version + the fetch POM's dependency list
kafka_libs_id() { printf '%s %s' "$KAFKA_VERSION" "$(sed -n '/<dependencies>/,/<\/dependencies>/p' "$FETCH_POM" | sha256sum | cut -c1-16)"; }
kafka_dist_ok() { [[ -f "$K_LIBS/.fetched" && "$(cat "$K_LIBS/.fetched")" == "$(kafka_libs_id)" ]]; }

kafka_ensure_dist() {
  kafka_dist_ok && return 0
  local src="$DOWNLOAD_DIR/kafka-libs"
  if [[ ! -f "$src/kafka_2.13-$KAFKA_VERSION.jar" ]]; then rm -rf "$src"; fetch_pieces kafka; fi
  [[ -f "$src/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "kafka_2.13-$KAFKA_VERSION.jar missing after the download (see $LOG_DIR/fetch.log)"
  kafka_libs_id >"$src/.fetched"
  rm -rf "$K_LIBS"; mkdir -p "$K_BASE"; mv "$src" "$K_LIBS"
  ok "Kafka $KAFKA_VERSION jars in $K_LIBS ($(find "$K_LIBS" -name '*.jar' | wc -l) jars)"
}

kafka_write_conf() {
  mkdir -p "$K_CONF" "$K_DATA"
  cat >"$K_CONF/server.properties" <<EOF
# Written by deploy/local/infra.sh at every start: edit the script, not this file.
# One combined KRaft broker+controller for local development and tests (2-core machine).
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$K_DATA
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=3
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
  cat >"$K_CONF/log4j2.properties" <<'EOF'
# Broker logging (deploy/local/infra.sh): console, redirected to .local/logs/kafka.log
status = warn
appender.out.type = Console
appender.out.name = STDOUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = INFO
logger.state.name = state.change.logger
logger.state.level = WARN
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = WARN
EOF
  cat >"$K_CONF/log4j2-tools.properties" <<'EOF'
# Tool logging (storage format, admin helper): warnings to stderr only, so stdout stays clean
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = ERROR
rootLogger.appenderRef.err.ref = STDERR
EOF
}

kafka_java_tools_opts() { printf '%s' "-Dlog4j2.configurationFile=$K_CONF/log4j2-tools.properties"; }

kafka_tool() {
  TOOL_JVM_OPTS="$(kafka_java_tools_opts)" java_tool KafkaTool "$K_LIBS/*" "$KAFKA_BOOTSTRAP" "$@"
}

kafka_ensure_storage() {
  [[ -f "$K_DATA/meta.properties" ]] && return 0
  local t0 id; t0="$(now)"
  info "formatting Kafka storage in $K_DATA (KRaft, standalone controller)…"
  id="$("$JAVA_BIN" -Xmx256m "$(kafka_java_tools_opts)" -cp "$K_LIBS/*" kafka.tools.StorageTool random-uuid 2>>"$K_LOG")" \
    || { show_log_tail "$K_LOG"; die "kafka StorageTool random-uuid failed (log: $K_LOG)"; }
  id="$(tr -d '[:space:]' <<<"$id")"
  [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "unexpected cluster id from StorageTool: '$id' (log: $K_LOG)"
  if ! "$JAVA_BIN" -Xmx256m "$(kafka_java_tools_opts)" -cp "$K_LIBS/*" kafka.tools.StorageTool format --standalone \
      -t "$id" -c "$K_CONF/server.properties" >>"$K_LOG" 2>&1; then
    show_log_tail "$K_LOG"; die "formatting the Kafka storage failed (log: $K_LOG); delete $K_DATA before retrying"
  fi
  ok "Kafka storage formatted, cluster id $id ($(elapsed_since "$t0") s)"
}

kafka_is_up() {
  our_pid kafka "$K_MARKER" >/dev/null && return 0
  port_in_use "$KAFKA_PORT" || return 1
  [[ -d "$K_LIBS" ]] || return 1
  kafka_tool ping >/dev/null 2>&1
}

KAFKA_LAUNCHED_AT=""
KAFKA_PID=""
# Starts the broker (or finds it running) without waiting; kafka_await finishes the job.
kafka_launch() {
  ensure_dirs
  local pid
  if pid="$(our_pid kafka "$K_MARKER")"; then
    ok "Kafka already running (pid $pid, $KAFKA_BOOTSTRAP): reusing it"
    KAFKA_PID="$pid"; return 0
  fi
  kafka_ensure_dist
  if port_in_use "$KAFKA_PORT"; then
    kafka_write_conf
    if kafka_tool ping >/dev/null 2>&1; then
      warn "port $KAFKA_PORT answers as a Kafka broker not started by this stack ($(port_holder "$KAFKA_PORT")): reusing it, it will not be stopped by 'down'"
      KAFKA_PID="foreign"; return 0
    fi
    die "port $KAFKA_PORT (needed by Kafka) is already in use by $(port_holder "$KAFKA_PORT"), which is not a Kafka broker. Stop it and retry."
  fi
  require_port_free "$KAFKA_CONTROLLER_PORT" "the Kafka controller"
  kafka_write_conf
  kafka_ensure_storage
  info "starting Kafka $KAFKA_VERSION (KRaft broker+controller) on $KAFKA_BOOTSTRAP…"
  KAFKA_LAUNCHED_AT="$(now)"
  # shellcheck disable=SC2086
  (cd "$K_BASE" && start_bg kafka "$K_LOG" "$JAVA_BIN" $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=$K_CONF/log4j2.properties" "-Dkafka.logs.dir=$LOG_DIR" \
    -cp "$K_LIBS/*" kafka.Kafka "$K_CONF/server.properties") || exit 1
  KAFKA_PID="$(head -n 1 "$(pid_file kafka)")"
}

kafka_await() {
  if [[ -n "$KAFKA_LAUNCHED_AT" ]]; then
    wait_until 90 "Kafka (port $KAFKA_PORT)" "$K_LOG" "$KAFKA_PID" port_in_use "$KAFKA_PORT"
  fi
  # ready = the broker lists its topics (same helper JVM then creates the missing topics)
  local created
  created="$(kafka_tool ensure-topics 60 "$KAFKA_TOPIC_PARTITIONS" 1 "${KAFKA_ALL_TOPICS[@]}" 2>&1)" \
    || { printf '%s\n' "$created" >&2; show_log_tail "$K_LOG"; die "Kafka on $KAFKA_BOOTSTRAP does not answer admin requests, or the topics could not be created (log: $K_LOG)"; }
  sed 's/^/    /' <<<"$created" >&2
  if [[ -n "$KAFKA_LAUNCHED_AT" ]]; then
    ok "Kafka ready: pid $KAFKA_PID, $KAFKA_BOOTSTRAP, ${#KAFKA_ALL_TOPICS[@]} topics ($(elapsed_since "$KAFKA_LAUNCHED_AT") s after launch)"
  fi
}

kafka_down() {
  local pid
  if ! pid="$(our_pid kafka "$K_MARKER")"; then info "Kafka: not running (nothing of ours to stop)"; return 0; fi
  stop_pid kafka "$pid" 60 "Kafka"
}

# ===============================================================================================================
# Keycloak
# ===============================================================================================================
KC_PORT=8180
KC_MGMT_PORT=9001
KC_URL="http://localhost:$KC_PORT"           # the one host name used everywhere: it is the token issuer
KC_PROBE_URL="http://127.0.0.1:$KC_PORT"
KC_REALM="city"
KC_BASE="$LOCAL_DIR/keycloak"
KC_HOME="$KC_BASE/keycloak-$KEYCLOAK_VERSION"
KC_LOG="$LOG_DIR/keycloak.log"
KC_REALM_SRC="$LOCAL_STACK_DIR/keycloak/realm-city.json"
KC_REALM_SUM="$KC_BASE/realm-city.imported.sha256"
KC_HEAP="-Xms256m -Xmx768m"
KC_FIXTURE_USER="viewer"      # LOCAL fixture user, password = user name

kc_ensure_dist() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  local zip="$DOWNLOAD_DIR/$KC_ZIP_NAME"
  [[ -f "$zip" ]] || fetch_pieces keycloak
  [[ -f "$zip" ]] || die "expected $zip after the download (see $LOG_DIR/fetch.log)"
  local t0; t0="$(now)"
  rm -rf "$KC_BASE/unpack.tmp"; mkdir -p "$KC_BASE/unpack.tmp"
  unzip_to "$zip" "$KC_BASE/unpack.tmp" || die "could not extract $zip"
  chmod +x "$KC_BASE/unpack.tmp/keycloak-$KEYCLOAK_VERSION/bin/"*.sh   # the jar tool does not keep file modes
  [[ -x "$KC_BASE/unpack.tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]] || die "no keycloak-$KEYCLOAK_VERSION/bin/kc.sh inside $zip"
  mv "$KC_BASE/unpack.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"; rm -rf "$KC_BASE/unpack.tmp" "$zip"
  ok "Keycloak $KEYCLOAK_VERSION unpacked into $KC_HOME ($(elapsed_since "$t0") s)"
}

kc_realm_sum() { sha256sum "$KC_REALM_SRC" | cut -d' ' -f1; }

# A password grant for a fixture user of the realm succeeds
kc_token_ok() {
  curl -fsS --max-time 5 -d grant_type=password -d client_id=city-cli -d "username=$KC_FIXTURE_USER" \
    -d "password=$KC_FIXTURE_USER" "$KC_PROBE_URL/realms/$KC_REALM/protocol/openid-connect/token" 2>/dev/null \
    | grep -q '"access_token"'
}

kc_answers() { url_ok "$KC_PROBE_URL/realms/$KC_REALM/.well-known/openid-configuration" '"issuer"'; }

keycloak_is_up() {
  our_pid keycloak "$KC_HOME" >/dev/null && return 0
  kc_answers
}

KC_LAUNCHED_AT=""
KC_PID=""
keycloak_launch() {
  ensure_dirs
  [[ -f "$KC_REALM_SRC" ]] || die "realm file $KC_REALM_SRC is missing"
  local pid
  if pid="$(our_pid keycloak "$KC_HOME")"; then
    ok "Keycloak already running (pid $pid, $KC_URL): reusing it"
    [[ "$(cat "$KC_REALM_SUM" 2>/dev/null)" == "$(kc_realm_sum)" ]] \
      || warn "deploy/local/keycloak/realm-city.json changed since Keycloak imported it: run 'deploy/local/infra.sh restart keycloak' to re-import"
    KC_PID="$pid"; return 0
  fi
  if port_in_use "$KC_PORT" || port_in_use "$KC_MGMT_PORT"; then
    if kc_answers; then
      warn "port $KC_PORT answers as a Keycloak with realm '$KC_REALM' not started by this stack ($(port_holder "$KC_PORT")): reusing it, it will not be stopped by 'down'"
      KC_PID="foreign"; return 0
    fi
    port_in_use "$KC_PORT" && die "port $KC_PORT (needed by Keycloak) is already in use by $(port_holder "$KC_PORT"), which is not a Keycloak serving realm '$KC_REALM'. Stop it and retry."
    die "port $KC_MGMT_PORT (Keycloak management) is already in use by $(port_holder "$KC_MGMT_PORT"). Stop it and retry."
  fi
  kc_ensure_dist
  local sum; sum="$(kc_realm_sum)"
  if [[ -d "$KC_HOME/data/h2" && "$(cat "$KC_REALM_SUM" 2>/dev/null)" != "$sum" ]]; then
    info "realm-city.json changed since the last import (or the import never completed): wiping $KC_HOME/data/h2 so the realm is imported afresh"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME/data/import/"*.json
  cp "$KC_REALM_SRC" "$KC_HOME/data/import/realm-city.json"
  [[ -d "$KC_HOME/data/h2" ]] || rm -f "$KC_REALM_SUM"
  info "starting Keycloak $KEYCLOAK_VERSION (start-dev) on $KC_URL, management on port $KC_MGMT_PORT…"
  KC_LAUNCHED_AT="$(now)"
  # LOCAL ONLY: bootstrap admin admin/admin (takes effect when the master realm is created, i.e. on a fresh database)
  local java_home; java_home="$(dirname "$(dirname "$(readlink -f "$JAVA_BIN")")")"
  (cd "$KC_HOME" && start_bg keycloak "$KC_LOG" env -u JAVA_OPTS JAVA_HOME="$java_home" \
    JAVA_OPTS_KC_HEAP="$KC_HEAP" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$KC_HOME/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
      --health-enabled=true --metrics-enabled=true --import-realm --hostname="$KC_URL") || exit 1
  KC_PID="$(head -n 1 "$(pid_file keycloak)")"
}

keycloak_await() {
  if [[ -n "$KC_LAUNCHED_AT" ]]; then
    wait_for_url "http://127.0.0.1:$KC_MGMT_PORT/health/ready" 300 "Keycloak health" "$KC_LOG" "$KC_PID" '"status" *: *"UP"'
    wait_until 60 "Keycloak realm '$KC_REALM' (password grant for fixture user '$KC_FIXTURE_USER')" "$KC_LOG" "$KC_PID" kc_token_ok
    kc_realm_sum >"$KC_REALM_SUM"
    ok "Keycloak ready: pid $KC_PID, $KC_URL, realm '$KC_REALM' ($(elapsed_since "$KC_LAUNCHED_AT") s after launch)"
  else
    wait_until 30 "Keycloak realm '$KC_REALM' (password grant for fixture user '$KC_FIXTURE_USER')" "$KC_LOG" "" kc_token_ok
  fi
}

keycloak_down() {
  local pid
  if ! pid="$(our_pid keycloak "$KC_HOME")"; then info "Keycloak: not running (nothing of ours to stop)"; return 0; fi
  stop_pid keycloak "$pid" 60 "Keycloak"
}

# ===============================================================================================================
# Commands
# ===============================================================================================================
parse_components() {
  COMPONENTS=()
  local c
  if (($# == 0)); then COMPONENTS=("${ALL_COMPONENTS[@]}"); return; fi
  for c in "$@"; do
    case "$c" in
      postgres | pg | postgresql) COMPONENTS+=(postgres) ;;
      kafka) COMPONENTS+=(kafka) ;;
      keycloak | kc) COMPONENTS+=(keycloak) ;;
      *) die "unknown component '$c' (postgres, kafka, keycloak)" ;;
    esac
  done
}
wants() { local c; for c in "${COMPONENTS[@]}"; do [[ "$c" == "$1" ]] && return 0; done; return 1; }

cmd_up() {
  parse_components "$@"
  require_java
  require_cmd curl
  local t0; t0="$(now)"
  ensure_dirs
  # 1. fetch whatever is missing in one Maven run; 2. launch Keycloak (slowest) and Kafka in the background;
  # 3. start PostgreSQL meanwhile; 4. wait for Kafka, then Keycloak
  local missing=()   # what is neither running (ours) nor unpacked nor downloaded
  if wants postgres && ((PG_EXTERNAL == 0)); then
    pg_ensure_os_user
    pg_resolve_base
    pg_our_pid >/dev/null \
      || [[ -x "$PG_DIST/bin/postgres" && "$(cat "$PG_DIST/.version" 2>/dev/null)" == "$PG_VERSION" ]] \
      || [[ -f "$DOWNLOAD_DIR/$(pg_jar_name)" ]] || missing+=(postgres)
  fi
  if wants postgres && [[ ! -f "$PGJDBC_JAR" && ! -f "$DOWNLOAD_DIR/$PGJDBC_NAME" ]]; then missing+=(pgjdbc); fi
  if wants kafka && ! our_pid kafka "$K_MARKER" >/dev/null && ! kafka_dist_ok \
    && [[ ! -f "$DOWNLOAD_DIR/kafka-libs/kafka_2.13-$KAFKA_VERSION.jar" ]]; then missing+=(kafka); fi
  if wants keycloak && ! our_pid keycloak "$KC_HOME" >/dev/null && [[ ! -x "$KC_HOME/bin/kc.sh" ]] \
    && [[ ! -f "$DOWNLOAD_DIR/$KC_ZIP_NAME" ]]; then missing+=(keycloak); fi
  fetch_pieces "${missing[@]+"${missing[@]}"}"
  wants keycloak && keycloak_launch
  wants kafka && kafka_launch
  wants postgres && postgres_up
  wants kafka && kafka_await
  wants keycloak && keycloak_await
  ok "infrastructure up in $(elapsed_since "$t0") s"
  cmd_status
}

cmd_down() {
  parse_components "$@"
  local i
  # reverse order of start
  for ((i = ${#ALL_COMPONENTS[@]} - 1; i >= 0; i--)); do
    case "${ALL_COMPONENTS[$i]}" in
      keycloak) wants keycloak && keycloak_down ;;
      kafka) wants kafka && kafka_down ;;
      postgres) wants postgres && postgres_down ;;
    esac
  done
  return 0
}

status_line() { printf '  %-10s %-28s %-8s %-22s %-8s %s\n' "$@"; }

cmd_status() {
  local pid state
  [[ -L "$PG_BASE" ]] && { PG_BASE="$(readlink -f "$PG_BASE")"; pg_set_paths; }
  status_line COMPONENT STATE PID PORTS MEM LOG
  # PostgreSQL
  if ((PG_EXTERNAL)); then
    if port_in_use_host "$PG_HOST" "$PG_PORT"; then state="external, answering"; else state="external, NOT answering"; fi
    status_line postgres "$state" - "$PG_HOST:$PG_PORT" - -
  elif pid="$(pg_our_pid)"; then
    status_line postgres running "$pid" "$PG_PORT" "$(tree_mem_mb "$pid")MB" "$PG_LOG_LINK"
  elif port_in_use "$PG_PORT"; then
    status_line postgres "port taken, not ours" - "$PG_PORT" - "$(port_holder "$PG_PORT" | cut -c1-60)"
  else
    status_line postgres stopped - "$PG_PORT" - "$PG_LOG_LINK"
  fi
  # Kafka
  if pid="$(our_pid kafka "$K_MARKER")"; then
    status_line kafka running "$pid" "$KAFKA_PORT,$KAFKA_CONTROLLER_PORT" "$(tree_mem_mb "$pid")MB" "$K_LOG"
  elif port_in_use "$KAFKA_PORT"; then
    status_line kafka "port taken, not ours" - "$KAFKA_PORT" - "$(port_holder "$KAFKA_PORT" | cut -c1-60)"
  else
    status_line kafka stopped - "$KAFKA_PORT,$KAFKA_CONTROLLER_PORT" - "$K_LOG"
  fi
  # Keycloak
  if pid="$(our_pid keycloak "$KC_HOME")"; then
    if url_ok "http://127.0.0.1:$KC_MGMT_PORT/health/ready" '"status" *: *"UP"'; then state=running; else state="running, not ready"; fi
    status_line keycloak "$state" "$pid" "$KC_PORT,$KC_MGMT_PORT" "$(tree_mem_mb "$pid")MB" "$KC_LOG"
  elif port_in_use "$KC_PORT"; then
    status_line keycloak "port taken, not ours" - "$KC_PORT" - "$(port_holder "$KC_PORT" | cut -c1-60)"
  else
    status_line keycloak stopped - "$KC_PORT,$KC_MGMT_PORT" - "$KC_LOG"
  fi
  cat >&1 <<EOF

  PostgreSQL  jdbc:postgresql://localhost:$PG_PORT/<indicator|task|meeting>[_test]   user city / password city (local only)
  Kafka       localhost:$KAFKA_PORT   topics: ${KAFKA_TOPICS[*]} (+ test.*, st.*, bench.* copies)
  Keycloak    $KC_URL/realms/$KC_REALM   admin console $KC_URL/admin (admin/admin, local only)
EOF
}

cmd_is_up() {
  (($# == 1)) || die "usage: infra.sh is-up postgres|kafka|keycloak"
  parse_components "$1"
  require_java
  case "${COMPONENTS[0]}" in
    postgres) [[ -L "$PG_BASE" ]] && { PG_BASE="$(readlink -f "$PG_BASE")"; pg_set_paths; }; postgres_is_up ;;
    kafka) kafka_is_up ;;
    keycloak) keycloak_is_up ;;
  esac
}

main() {
  local cmd="${1:-}"; shift || true
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    restart) cmd_down "$@"; cmd_up "$@" ;;
    status) cmd_status ;;
    is-up) cmd_is_up "$@" ;;
    *) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 64 ;;
  esac
}

main "$@"
