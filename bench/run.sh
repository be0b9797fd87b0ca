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

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

find_java() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null && candidates+=("$(command -v java)")
  for j in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java; do [[ -x "$j" ]] && candidates+=("$j"); done
  for j in "${candidates[@]}"; do
    local v; v=$(java_major "$j" || true)
    if [[ -n "$v" && "$v" -ge 21 ]]; then echo "$j"; return; fi
  done
  echo "No JDK >= 21 found (set JAVA_HOME)" >&2; exit 1
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port found" >&2; exit 1
}

JAVA=$(find_java)
JAR=$(ls target/fixpoint-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
if [[ -z "$JAR" ]]; then
  echo "Building the jar (./mvnw -q -DskipTests package)..."
  JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -q -DskipTests package
  JAR=$(ls target/fixpoint-*.jar | head -1)
fi

DATA=$(mktemp -d -t fixpoint-bench.XXXXXX)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
APP_PID=""

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true            # graceful: the shutdown hook stops the embedded PostgreSQL
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  # never leave an orphaned postmaster behind (it would outlive the data directory)
  local pidfile="$DATA/postgres/postmaster.pid"
  if [[ -f "$pidfile" ]]; then
    local pg; pg=$(head -1 "$pidfile")
    if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null && grep -q postgres "/proc/$pg/cmdline" 2>/dev/null; then
      kill "$pg" 2>/dev/null || true; sleep 2; kill -9 "$pg" 2>/dev/null || true
    fi
  fi
}
cleanup() { stop_app; rm -rf "$DATA"; }
trap cleanup EXIT INT TERM

# Starts the app and waits for /actuator/health; sets SPRING_S (what Spring logs) and HEALTHY_S (wall clock).
start_app() {
  local log="$DATA/app-$1.log" t0
  t0=$(date +%s.%N)
  FIXPOINT_DATA_DIR="$DATA" SERVER_PORT="$PORT" FIXPOINT_DEMO=false "$JAVA" -jar "$JAR" >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then
      SPRING_S=$(sed -n 's/.*Started FixpointApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
      SPRING_S=${SPRING_S:-?}
      HEALTHY_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      return
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The application exited; last log lines:" >&2; tail -30 "$log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "The application did not become healthy within 120 s; last log lines:" >&2; tail -30 "$log" >&2; exit 1
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Starting $JAR on port $PORT with data in $DATA (fresh database)..."
start_app cold
COLD_SPRING=$SPRING_S; COLD_WALL=$HEALTHY_S
echo "Started: Spring reports ${COLD_SPRING} s, healthy after ${COLD_WALL} s"

LOAD_OUT="$DATA/loadtest.md"
"$JAVA" bench/LoadTest.java --base "$BASE" "$@" | tee "$LOAD_OUT"
RSS_MB=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))

stop_app
echo "Restarting with the same data directory..."
start_app warm
WARM_SPRING=$SPRING_S; WARM_WALL=$HEALTHY_S
echo "Restarted: Spring reports ${WARM_SPRING} s, healthy after ${WARM_WALL} s"
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
  echo "| start-up | Spring \"Started … in\" | until /actuator/health is UP |"
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
