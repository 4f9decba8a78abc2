#!/usr/bin/env bash
# Page latency of the web app (issue 15) under concurrent users: a separate, small load next to the benchmark's
# main run (run.sh). Each virtual user logs in through the real Keycloak login form as a fixture user and requests
# the pages of its role in turn (closed loop, no think time); per page p50/p95/p99 are printed and written as JSON.
#
#   deploy/benchmark/web-pages.sh [users=20] [seconds=60] [base=http://localhost:8080]
#
# Needs the whole stack with the web running (deploy/local/up.sh). The pages read what the services hold; for
# figures worth drawing, load some first (e.g. a year of monthly figures through POST /api/figures). Run it through
# the CPU lock:
#   /work/coord/heavy none -- deploy/benchmark/web-pages.sh   (it loads the running stack, not the benchmark's instances)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
USERS="${1:-20}"
SECONDS_="${2:-60}"
BASE="${3:-http://localhost:8080}"
OUT="$HERE/results/web-pages.json"
curl -sf -o /dev/null "${BASE%:*}:9080/q/health/ready" 2>/dev/null || curl -sf -o /dev/null "$BASE/q/health/ready" 2>/dev/null \
  || echo "[web-pages] note: the web's readiness could not be checked; is deploy/local/up.sh running it on $BASE?" >&2
mkdir -p "$HERE/results"
exec java -Xmx256m "$HERE/web/WebPagesLoad.java" "$BASE" "$USERS" "$SECONDS_" "$OUT"
