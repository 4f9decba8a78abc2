#!/usr/bin/env bash
# Operator command: rebuilds meeting-service's read models (units, indicators, targets, figures, off-track flags and
# tasks: the briefing pack's inputs) into an EMPTY database from the retained event topics, with the service's own
# consumer code, and reports what it applied. The live service keeps running; see deploy/ops/README.md to switch over.
#
#   deploy/ops/rebuild-read-model.sh <target-database> [--replace] [--since ISO-instant] [more ReadModelRebuild options]
#
# Environment (defaults = the local stack): CITY_PG_HOST, CITY_PG_PORT, CITY_PG_SUPERUSER, CITY_PG_PASSWORD,
# CITY_DB_USER, CITY_DB_PASSWORD, CITY_KAFKA_BOOTSTRAP, CITY_TOPIC_PREFIX (''), CITY_REBUILD_JAR
# (meeting-service/target/quarkus-app/quarkus-run.jar), CITY_KAFKA_LIBS, CITY_PGJDBC_JAR.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOCAL="${CITY_LOCAL_DIR:-$ROOT/.local}"
(($# >= 1)) || { sed -n '2,12p' "$0"; exit 2; }
TARGET="$1"; shift
LIBS="${CITY_KAFKA_LIBS:-$LOCAL/kafka/libs}"
PGJDBC="${CITY_PGJDBC_JAR:-$(ls "$LOCAL"/tools/postgresql-*.jar 2>/dev/null | head -n 1)}"
JAR="${CITY_REBUILD_JAR:-$ROOT/meeting-service/target/quarkus-app/quarkus-run.jar}"
[[ -d "$LIBS" ]] || { echo "no Kafka client jars in $LIBS (CITY_KAFKA_LIBS)" >&2; exit 2; }
[[ -f "$PGJDBC" ]] || { echo "no PostgreSQL JDBC driver (CITY_PGJDBC_JAR)" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no packaged meeting-service at $JAR (./mvnw -pl meeting-service -am package -DskipTests)" >&2; exit 2; }
exec java -Xmx256m -cp "$LIBS/*:$PGJDBC" "$HERE/ReadModelRebuild.java" \
  --jar "$JAR" --channels indicator-events,task-events --target-db "$TARGET" --group meeting-service \
  --topic-prefix "${CITY_TOPIC_PREFIX:-}" \
  --pg-host "${CITY_PG_HOST:-localhost}" --pg-port "${CITY_PG_PORT:-55432}" \
  --pg-superuser "${CITY_PG_SUPERUSER:-postgres}" --pg-superpassword "${CITY_PG_PASSWORD:-postgres}" \
  --pg-user "${CITY_DB_USER:-city}" --pg-password "${CITY_DB_PASSWORD:-city}" \
  --bootstrap "${CITY_KAFKA_BOOTSTRAP:-127.0.0.1:9092}" \
  --set "quarkus.oidc.credentials.secret=${CITY_MEETING_OIDC_SECRET:-meeting-service-secret}" \
  --log "${CITY_REBUILD_LOG:-rebuild-$TARGET.log}" "$@"
