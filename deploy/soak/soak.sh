#!/usr/bin/env bash
# Soak test (NOT part of the test command): the three packaged services under a steady mixed load for N minutes
# (default 30), reporting RSS, CPU, latency and errors minute by minute, then the accounting of what was accepted,
# produced and applied. Results: deploy/soak/results/<UTC time>/{summary.md,timeline.csv,<service>.log}.
#
#   deploy/soak/soak.sh [minutes]        (the local stack must run: deploy/local/infra.sh up)
#
# It uses the services as packaged in <svc>/target/quarkus-app (copied first, so a rebuild during the soak does not
# disturb it): ./mvnw -B package -DskipTests -pl indicator-service,task-service,meeting-service -am
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOCAL="${CITY_LOCAL_DIR:-$ROOT/.local}"
MINUTES="${1:-30}"
LIBS="${CITY_KAFKA_LIBS:-$LOCAL/kafka/libs}"
PGJDBC="${CITY_PGJDBC_JAR:-$(ls "$LOCAL"/tools/postgresql-*.jar 2>/dev/null | head -n 1)}"
[[ -d "$LIBS" && -f "$PGJDBC" ]] || { echo "needs the local stack's Kafka jars and JDBC driver in $LOCAL (deploy/local/infra.sh up)" >&2; exit 2; }
APPS="$HERE/target/apps"
rm -rf "$APPS"; mkdir -p "$APPS"
for s in indicator-service task-service meeting-service; do
  [[ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ]] || { echo "package $s first" >&2; exit 2; }
  cp -r "$ROOT/$s/target/quarkus-app" "$APPS/$s"
done
OUT="$HERE/results/$(date -u +%Y-%m-%dT%H-%M)"
mkdir -p "$OUT"
cd "$ROOT"
set -o pipefail
java -Xmx256m -cp "$LIBS/*:$PGJDBC" "$HERE/Soak.java" "$MINUTES" "$OUT" "$APPS" 2>&1 | grep --line-buffered -v '^SLF4J\|org.apache.kafka\|^log4j' | tee "$OUT/soak.out"
