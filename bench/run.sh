#!/usr/bin/env bash
# Benchmarks Fixpoint on this machine: builds the jar if needed, starts it on a free port with a fresh temporary
# data directory (embedded PostgreSQL), records the start-up time, runs bench/LoadTest.java against it, restarts it
# once to record a warm start (database already initialized), then stops it and removes everything it created.
# Results go to stdout and to bench/results/<date>.md (git-ignored).
#
#   bench/run.sh [--seconds 20] [--concurrency 16]      (arguments are passed to LoadTest)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

# find_java, find_jar, free_port, stop_app, start_app
source bench/lib.sh

JAVA=$(find_java)
JAR=$(find_jar "$JAVA")

DATA=$(mktemp -d -t fixpoint-bench.XXXXXX)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
APP_PID=""

cleanup() { stop_app; rm -rf "$DATA"; }
trap cleanup EXIT INT TERM

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Starting $JAR on port $PORT with data in $DATA (fresh database)..."
start_app cold
COLD_SPRING=$SPRING_S; COLD_WALL=$HEALTHY_S
echo "Started: Spring reports ${COLD_SPRING} s, ready after ${COLD_WALL} s"

LOAD_OUT="$DATA/loadtest.md"
"$JAVA" bench/LoadTest.java --base "$BASE" "$@" | tee "$LOAD_OUT"
RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))

stop_app
echo "Restarting with the same data directory..."
start_app warm
WARM_SPRING=$SPRING_S; WARM_WALL=$HEALTHY_S
echo "Restarted: Spring reports ${WARM_SPRING} s, ready after ${WARM_WALL} s"
stop_app

mkdir -p bench/results
RESULT="bench/results/$(date +%Y-%m-%d-%H%M%S).md"
{
  echo "# Fixpoint benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
  echo "- java: $("$JAVA" -version 2>&1 | head -1)"
  echo "- load average when the run started: $LOAD_BEFORE (other processes compete for the CPUs if this is high)"
  echo "- jar: $JAR ($(du -m "$JAR" | cut -f1) MB), embedded PostgreSQL, fresh data directory"
  echo
  echo "| start-up | Spring \"Started … in\" | until ready (/actuator/health/readiness) |"
  echo "|---|---:|---:|"
  echo "| first start (initdb + migrations) | ${COLD_SPRING} s | ${COLD_WALL} s |"
  echo "| restart (existing database) | ${WARM_SPRING} s | ${WARM_WALL} s |"
  echo
  echo "Resident memory of the app after the load test: ${RSS_MB} MB."
  echo
  cat "$LOAD_OUT"
} >"$RESULT"
echo
echo "Results written to $RESULT"
