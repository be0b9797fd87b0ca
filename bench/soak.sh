#!/usr/bin/env bash
# A long mixed load on the packaged jar: generates a bench data set (bench/data) into a fresh temporary data
# directory, starts the jar on it with a fixed heap, runs `LoadTest.java --soak` (reads, lists, searches, creates,
# comments, small uploads in one mix, reported per minute, with the server's heap after a full GC each minute), then
# stops the app and removes everything it created. Results go to stdout and bench/results/soak-<date>.md.
#
#   bench/soak.sh [--minutes 10] [--concurrency 8] [--bugs 10000] [--heap 512m]
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MINUTES=10
CONCURRENCY=8
BUGS=10000
HEAP=512m
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --bugs) BUGS=$2; shift 2 ;;
    --heap) HEAP=$2; shift 2 ;;
    *) echo "Unknown option $1 (--minutes, --concurrency, --bugs, --heap)" >&2; exit 1 ;;
  esac
done

# find_java, find_jar, free_port, stop_app, start_app
source bench/lib.sh

JAVA=$(find_java)
JAR=$(find_jar "$JAVA")

DATA=$(mktemp -d -t fixpoint-soak.XXXXXX)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
APP_PID=""
cleanup() { stop_app; rm -rf "$DATA"; }
trap cleanup EXIT INT TERM

echo "Generating $BUGS bugs into $DATA ..."
FIXPOINT_DATA_DIR="$DATA" JAVA_HOME=$(dirname "$(dirname "$JAVA")") bench/data/generate.sh --fresh \
  --bugs "$BUGS" --projects 5 --big-project $((BUGS / 2)) --comments $((BUGS * 3)) --users 200 >"$DATA.generate.log" 2>&1 \
  || { tail -30 "$DATA.generate.log" >&2; exit 1; }
rm -f "$DATA.generate.log"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
APP_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP"
echo "Starting $JAR on port $PORT ($APP_JAVA_OPTS)..."
start_app soak
echo "Started in ${HEALTHY_S} s; soaking for $MINUTES minutes with $CONCURRENCY workers..."

LOAD_OUT="$DATA/soak.md"
"$JAVA" bench/LoadTest.java --soak --base "$BASE" --seconds $((MINUTES * 60)) --concurrency "$CONCURRENCY" \
  --email admin@bench.fixpoint.test --password fixpoint-bench --project STOR --pid "$APP_PID" | tee "$LOAD_OUT"
RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
SERVER_ERRORS=$(grep -c ' ERROR ' "$DATA/app-soak.log" || true)
ATTACHMENTS=$(find "$DATA/attachments" -type f 2>/dev/null | wc -l)
stop_app

mkdir -p bench/results
RESULT="bench/results/soak-$(date +%Y-%m-%d-%H%M%S).md"
{
  echo "# Fixpoint soak, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "- java: $("$JAVA" -version 2>&1 | head -1); app heap $HEAP"
  echo "- load average when the run started: $LOAD_BEFORE (other processes compete for the CPUs if this is high)"
  echo "- data: bench/data with $BUGS bugs (project STOR: $((BUGS / 2))), $((BUGS * 3)) comments, 200 users"
  echo "- after the run: resident memory ${RSS_MB} MB, ERROR lines in the app log: ${SERVER_ERRORS}, stored attachment files: ${ATTACHMENTS}"
  echo
  cat "$LOAD_OUT"
} >"$RESULT"
echo
echo "Server ERROR log lines: $SERVER_ERRORS; resident memory ${RSS_MB} MB; results written to $RESULT"
