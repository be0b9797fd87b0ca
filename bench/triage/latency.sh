#!/usr/bin/env bash
# Cost of triage on this machine (bench/README.md, "Triage"): starts the packaged jar on a fresh data directory
# (bench/lib.sh), files the evaluation set's 305 reports, adds N synthetic bugs with vectors to the same project,
# times "similar bugs" (title + description) with the server's heap after a full GC before and after the project's
# vectors are loaded, then marks M bugs as not embedded and restarts the app, whose embedding backfill
# (platform.Backfills, default batch and interval) embeds them: the backfill rate. Stops the app and removes the data
# directory afterwards.
#
#   bench/triage/latency.sh [--bugs 100000] [--queries 200] [--backfill 300]
set -euo pipefail

cd "$(dirname "$0")/../.."
source bench/lib.sh

BUGS=100000; QUERIES=200; BACKFILL=300
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bugs) BUGS=$2; shift 2 ;;
    --queries) QUERIES=$2; shift 2 ;;
    --backfill) BACKFILL=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 1 ;;
  esac
done

JAVA=$(find_java)
JAR=$(find_jar "$JAVA")
DRIVER=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' 2>/dev/null | sort -V | tail -1)
DATA=$(mktemp -d -p "${BENCH_DATA_DIR:-${TMPDIR:-/tmp}}" fixpoint-triage.XXXXXX)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
APP_PID=""
STATE="$DATA/token"
cleanup() { stop_app; rm -rf "$DATA"; }
trap cleanup EXIT INT TERM

heap() { # used heap after a full GC, in MB
  "$(dirname "$JAVA")/jcmd" "$APP_PID" GC.run >/dev/null
  "$(dirname "$JAVA")/jcmd" "$APP_PID" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ printf "%.0f", $1 / 1024 }'
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
export FIXPOINT_BACKFILL_INITIAL_DELAY=PT1S FIXPOINT_TRIAGE_ENABLED=true
start_app triage
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$DATA/app-triage.log" | head -1)
DB="jdbc:postgresql://localhost:$PG_PORT/postgres"
run() { "$JAVA" -cp "$DRIVER" bench/triage/TriageLatency.java "$1" "$BASE" "$DB" "$STATE" "${2:-0}"; }

echo "Started in ${HEALTHY_S} s"
HS=$(heap)
run file
HM=$(heap)
echo "heap after a full GC: ${HS} MB at start (model not loaded: it loads on first use), ${HM} MB after the 305 filings (model loaded, their vectors in no index yet)"
run scale "$BUGS"
H0=$(heap)
run query 1 >/dev/null
H1=$(heap)
echo "heap after a full GC: ${H0} MB before the project's $BUGS vectors were loaded, ${H1} MB after (model loaded in both)"
run query "$QUERIES"
run unembed "$BACKFILL"
stop_app
start_app triage-backfill
echo "Restarted in ${HEALTHY_S} s"
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL on port \([0-9]*\).*/\1/p' "$DATA/app-triage-backfill.log" | head -1)
DB="jdbc:postgresql://localhost:$PG_PORT/postgres"
run backfill "$BACKFILL"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
