#!/usr/bin/env bash
# Operator command: re-injects dead-lettered events into their original topic after the consumer was fixed,
# idempotently, and reports what it did (REPLAYED / SKIPPED / LEFT per record, then the counts).
#
#   deploy/ops/replay-dead-letters.sh --dlq meeting-service.dlq [--dry-run] [--type T] [--event-id ID] [--since ISO]
#                                     [--bootstrap host:port] [--group name]
#
# Needs a JDK 17+ and kafka-clients: taken from the local stack's Kafka (.local/kafka/libs), or from
# CITY_KAFKA_LIBS (a folder of jars). On Kubernetes run it from any pod with those jars (e.g. the Kafka image).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LIBS="${CITY_KAFKA_LIBS:-${CITY_LOCAL_DIR:-$ROOT/.local}/kafka/libs}"
[[ -d "$LIBS" ]] || { echo "no Kafka client jars in $LIBS (set CITY_KAFKA_LIBS or run deploy/local/infra.sh up)" >&2; exit 2; }
exec java -Xmx128m -cp "$LIBS/*" "$HERE/DeadLetterReplay.java" "$@"
