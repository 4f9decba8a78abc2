# shellcheck shell=bash
# Shared functions of the local stack scripts (deploy/local/*.sh). Source it, do not run it.
#
# Everything the stack writes lives under ONE git-ignored folder, $LOCAL_DIR (<repo>/.local by default):
#   .local/downloads   archives fetched with ./mvnw (deleted once unpacked; ~/.m2 keeps a copy)
#   .local/postgres    PostgreSQL binaries (dist/), data (data/), socket (run/)
#   .local/kafka       Kafka jars (libs/), generated config (config/), log dirs (data/)
#   .local/keycloak    Keycloak distribution (keycloak-<version>/, its H2 database in data/h2)
#   .local/tools       small Java helpers compiled from deploy/local/tools/*.java, JDBC driver
#   .local/logs        one log a component: postgres.log, kafka.log, keycloak.log, <service>.log, fetch.log
#   .local/run         pid files

# ---------------------------------------------------------------------------------------------------------------
# Locations and versions
# ---------------------------------------------------------------------------------------------------------------
LOCAL_STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_STACK_DIR/../.." && pwd)"
LOCAL_DIR="${CITY_LOCAL_DIR:-$REPO_ROOT/.local}"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"
DOWNLOAD_DIR="$LOCAL_DIR/downloads"
TOOLS_DIR="$LOCAL_DIR/tools"
FETCH_POM="$LOCAL_STACK_DIR/fetch/pom.xml"
MVNW="$REPO_ROOT/mvnw"

PG_VERSION="${CITY_PG_VERSION:-18.6.0}"
KAFKA_VERSION="${CITY_KAFKA_VERSION:-4.3.1}"
KEYCLOAK_VERSION="${CITY_KEYCLOAK_VERSION:-26.7.3}"
PGJDBC_VERSION="${CITY_PGJDBC_VERSION:-42.7.13}"

# ---------------------------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------------------------
if [[ -t 2 ]]; then
  _C_RED=$'\e[31m'; _C_YEL=$'\e[33m'; _C_GRN=$'\e[32m'; _C_DIM=$'\e[2m'; _C_OFF=$'\e[0m'
else
  _C_RED=''; _C_YEL=''; _C_GRN=''; _C_DIM=''; _C_OFF=''
fi
LOG_PREFIX="${LOG_PREFIX:-local}"

info() { printf '%s[%s]%s %s\n' "$_C_DIM" "$LOG_PREFIX" "$_C_OFF" "$*" >&2; }
ok()   { printf '%s[%s]%s %s%s%s\n' "$_C_DIM" "$LOG_PREFIX" "$_C_OFF" "$_C_GRN" "$*" "$_C_OFF" >&2; }
warn() { printf '%s[%s] WARNING:%s %s\n' "$_C_YEL" "$LOG_PREFIX" "$_C_OFF" "$*" >&2; }
die()  { printf '%s[%s] ERROR:%s %s\n' "$_C_RED" "$LOG_PREFIX" "$_C_OFF" "$*" >&2; exit 1; }

# Last lines of a log, indented, to stderr (used when something failed to start).
show_log_tail() {
  local log="$1" lines="${2:-25}"
  if [[ -s "$log" ]]; then
    printf '%s---- last %s lines of %s ----%s\n' "$_C_DIM" "$lines" "$log" "$_C_OFF" >&2
    tail -n "$lines" "$log" | sed 's/^/    /' >&2
    printf '%s---- end of %s ----%s\n' "$_C_DIM" "$log" "$_C_OFF" >&2
  fi
}

# Seconds since the epoch with milliseconds, and a duration since a start time: "12.3".
now() { local t="${EPOCHREALTIME:-}"; [[ -n "$t" ]] && printf '%s' "${t:0:14}" || date +%s.%N | cut -c1-14; }
elapsed_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

ensure_dirs() { mkdir -p "$LOCAL_DIR" "$LOG_DIR" "$RUN_DIR" "$DOWNLOAD_DIR" "$TOOLS_DIR"; }

# ---------------------------------------------------------------------------------------------------------------
# Java
# ---------------------------------------------------------------------------------------------------------------
JAVA_BIN=""
# Needs a JDK 17+ (java, and javac for the small helper tools; Maven needs a JDK anyway).
require_java() {
  local java="" javac=""
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    java="$JAVA_HOME/bin/java"; javac="$JAVA_HOME/bin/javac"
  elif command -v java >/dev/null 2>&1; then
    java="$(command -v java)"
    javac="$(command -v javac || true)"
  else
    die "no 'java' found (neither \$JAVA_HOME/bin/java nor java on the PATH). Install a JDK 17 or newer, e.g. 'apt-get install openjdk-17-jdk-headless', or set JAVA_HOME."
  fi
  local line major
  line="$("$java" -version 2>&1 | grep -m 1 ' version "' || true)"  # not "Picked up JAVA_TOOL_OPTIONS: ..."
  major="$(sed -E -n 's/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p' <<<"$line")"
  read -r major minor <<<"$major"
  [[ "$major" == "1" ]] && major="${minor:-0}"      # "1.8.0_x" -> 8
  if [[ -z "$major" || ! "$major" =~ ^[0-9]+$ ]]; then
    die "could not read the Java version of $java (it printed: '$line'). A JDK 17 or newer is needed."
  fi
  if (( major < 17 )); then
    die "Java $major found at $java, but the local stack needs Java 17 or newer (Kafka 4, Keycloak 26, Quarkus 3). Install a JDK 17+ and put it first on the PATH or set JAVA_HOME."
  fi
  if [[ -z "$javac" || ! -x "$javac" ]]; then
    die "$java is a Java $major runtime without 'javac': a full JDK 17+ is needed (Maven compiles, and the stack compiles its helpers). Install e.g. openjdk-17-jdk-headless."
  fi
  JAVA_BIN="$java"
  JAVAC_BIN="$javac"
  export JAVA_BIN JAVAC_BIN
}

# Runs the Maven wrapper on the fetch POM only (never the product reactor), logging to .local/logs/fetch.log.
mvnw_fetch() {
  [[ -x "$MVNW" ]] || die "Maven wrapper $MVNW not found or not executable."
  ensure_dirs
  local log="$LOG_DIR/fetch.log"
  { printf '\n=== %s ./mvnw -f deploy/local/fetch/pom.xml %s\n' "$(date '+%F %T')" "$*"; } >>"$log"
  if ! (cd "$REPO_ROOT" && "$MVNW" -B -q -f "$FETCH_POM" "$@") >>"$log" 2>&1; then
    show_log_tail "$log" 30
    die "./mvnw -f deploy/local/fetch/pom.xml $* failed (Maven Central reachable? see $log)"
  fi
}

# Compiles deploy/local/tools/<Name>.java once (again when the source changes) into .local/tools/classes/<Name>.
# Usage: java_tool <Name> <classpath> [args...]
java_tool() {
  local name="$1" cp="$2"; shift 2
  local src="$LOCAL_STACK_DIR/tools/$name.java" out="$TOOLS_DIR/classes/$name"
  [[ -f "$src" ]] || die "helper source $src is missing"
  if [[ ! -f "$out/$name.class" || "$src" -nt "$out/$name.class" ]]; then
    rm -rf "$out"; mkdir -p "$out"
    "$JAVAC_BIN" -nowarn -encoding UTF-8 -d "$out" -cp "$cp" "$src" >"$TOOLS_DIR/$name.javac.log" 2>&1 \
      || { show_log_tail "$TOOLS_DIR/$name.javac.log"; die "could not compile $src (see $TOOLS_DIR/$name.javac.log)"; }
  fi
  # shellcheck disable=SC2086  # TOOL_JVM_OPTS: optional extra JVM options, space-separated
  "$JAVA_BIN" -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx128m ${TOOL_JVM_OPTS:-} -cp "$out:$cp" "$name" "$@"
}

# ---------------------------------------------------------------------------------------------------------------
# Ports
# ---------------------------------------------------------------------------------------------------------------
# True when something listens on 127.0.0.1/any address at TCP port $1.
port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] && return 0
    return 1
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Describes what holds TCP port $1: "pid 123 (java -cp ... kafka.Kafka ...)", or "an unknown process".
port_holder() {
  local port="$1" pids="" pid desc=""
  if command -v ss >/dev/null 2>&1; then
    pids="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | tr '\n' ' ')"
  fi
  if [[ -z "$pids" ]] && command -v lsof >/dev/null 2>&1; then
    pids="$(lsof -nP -t -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | sort -u | tr '\n' ' ')"
  fi
  for pid in $pids; do
    desc+="pid $pid ($(proc_cmdline "$pid" | cut -c1-160)) "
  done
  [[ -n "$desc" ]] && printf '%s' "${desc% }" || printf 'an unknown process (run: ss -ltnp "sport = :%s")' "$port"
}

# Fails fast when port $1 is in use; $2 names what needs it.
require_port_free() {
  local port="$1" what="$2"
  if port_in_use "$port"; then
    die "port $port (needed by $what) is already in use by $(port_holder "$port"). It is not ours: stop that process, or free the port, then retry."
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Processes and pid files (.local/run/<name>.pid)
# ---------------------------------------------------------------------------------------------------------------
pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
proc_cmdline() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }
# alive = exists and is not a zombie (an exited child its parent has not reaped yet)
pid_alive() {
  [[ -n "${1:-}" && "$1" =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null || return 1
  local stat; stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  [[ "${stat##*) }" != Z* ]]
}

# Prints the pid recorded for <name> when that process is alive AND its command line contains <marker>
# (guards against a recycled pid); otherwise removes a stale pid file and returns 1.
our_pid() {
  local name="$1" marker="$2" file pid
  file="$(pid_file "$name")"
  [[ -f "$file" ]] || return 1
  pid="$(head -n 1 "$file" 2>/dev/null || true)"
  if pid_alive "$pid" && [[ "$(proc_cmdline "$pid")" == *"$marker"* ]]; then
    printf '%s' "$pid"; return 0
  fi
  rm -f "$file"
  return 1
}

# Starts a command in the background in its own session (so a Ctrl-C in the terminal does not reach it and the
# whole tree can be signalled), stdout+stderr appended to <log>, pid written to the pid file of <name>.
# Usage: start_bg <name> <log> <cmd> [args...]   (run it from the directory the command needs)
start_bg() {
  local name="$1" log="$2"; shift 2
  local file; file="$(pid_file "$name")"
  rm -f "$file"
  printf '\n=== %s starting: %s\n' "$(date '+%F %T')" "$*" >>"$log"
  # setsid may fork; the inner shell writes its own pid (= the pid of the exec'ed command) to the pid file.
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$file" "$@" >>"$log" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$file" ]] && return 0
    sleep 0.1
  done
  die "could not start $name: no pid file $file after 5 s (see $log)"
}

# Stops the process recorded for <name>: SIGTERM, wait up to <timeout> s, then SIGKILL to its process group.
stop_pid() {
  local name="$1" pid="$2" timeout="${3:-30}" what="${4:-$1}"
  local t0; t0="$(now)"
  info "stopping $what (pid $pid, SIGTERM)…"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if pid_alive "$pid"; then
    warn "$what (pid $pid) still running after ${timeout}s: sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  # start_bg made the process a session/group leader: members of its group left behind (e.g. the java child of
  # kc.sh) are its descendants and must not outlive it.
  if pgrep -g "$pid" >/dev/null 2>&1; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while pgrep -g "$pid" >/dev/null 2>&1 && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  ok "$what stopped ($(elapsed_since "$t0") s)"
}

# Proportional memory (PSS, falls back to RSS) of a process and all its descendants, in MB.
tree_mem_mb() {
  local root="$1" pids p total=0 v
  pids="$(ps -e -o pid=,ppid= | awk -v r="$root" '
      { parent[$1] = $2 } END { n = 1; keep[r] = 1; changed = 1
        while (changed) { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
        for (p in keep) print p }')"
  for p in $pids; do
    v="$(awk '/^Pss:/ { print $2; exit }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
    [[ -z "$v" ]] && v="$(awk '/^VmRSS:/ { print $2; exit }' "/proc/$p/status" 2>/dev/null || true)"
    total=$((total + ${v:-0}))
  done
  printf '%d' $((total / 1024))
}

# ---------------------------------------------------------------------------------------------------------------
# Waiting (every wait has a timeout and names what failed and where its log is)
# ---------------------------------------------------------------------------------------------------------------
# Usage: wait_until <timeout-s> <what> <log> <pid-or-empty> <command...>
# Polls the command (quietly) every 0.5 s until it succeeds. Fails early if <pid> dies.
wait_until() {
  local timeout="$1" what="$2" log="$3" pid="$4"; shift 4
  local deadline=$((SECONDS + timeout))
  while ! "$@" >/dev/null 2>&1; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      show_log_tail "$log" 40
      die "$what: the process (pid $pid) exited while starting. Log: $log"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$log" 40
      die "$what: not ready after ${timeout}s (still running${pid:+ as pid $pid}). Log: $log"
    fi
    sleep 0.5
  done
}

# True when <url> answers 2xx and (optionally) its body matches the extended regex <pattern>.
url_ok() {
  local url="$1" pattern="${2:-}" body
  body="$(curl -fsS --max-time 3 "$url" 2>/dev/null)" || return 1
  [[ -z "$pattern" ]] || grep -Eq "$pattern" <<<"$body"
}

# Usage: wait_for_url <url> <timeout-s> <what> <log> [pid] [body-regex]
wait_for_url() {
  local url="$1" timeout="$2" what="$3" log="$4" pid="${5:-}" pattern="${6:-}"
  wait_until "$timeout" "$what ($url)" "$log" "$pid" url_ok "$url" "$pattern"
}

# unzip_to <zip> <dir>: extracts with unzip, or with the JDK's jar tool when unzip is not installed
unzip_to() {
  local zip="$1" dir="$2"
  mkdir -p "$dir"
  if command -v unzip >/dev/null 2>&1; then unzip -q -o "$zip" -d "$dir"; return; fi
  local jar_tool; jar_tool="$(dirname "${JAVAC_BIN:-$(command -v javac)}")/jar"
  [[ -x "$jar_tool" ]] || die "neither 'unzip' nor the JDK's 'jar' tool is available to extract $zip (Debian: apt-get install unzip)"
  (cd "$dir" && "$jar_tool" xf "$zip")
}

require_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' is required but not installed (Debian: apt-get install $(
      case "$c" in unzip) echo unzip ;; xz) echo xz-utils ;; curl) echo curl ;; setpriv) echo util-linux ;; *) echo "$c" ;; esac))."
  done
}

# ---------------------------------------------------------------------------------------------------------------
# The services (name http-port management-port database)
# ---------------------------------------------------------------------------------------------------------------
SERVICES=(
  "indicator-service 8081 9081 indicator"
  "task-service 8082 9082 task"
  "meeting-service 8083 9083 meeting"
  "web 8080 9080 -"
)
# The LOCAL ONLY client secret of a service's Keycloak client in the local realm import (web's client is city-web).
client_secret() { if [[ "$1" == web ]]; then printf 'city-web-local-secret-0123456789abcdef'; else printf '%s-secret' "$1"; fi; }
service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_ROOT" "$1"; }
