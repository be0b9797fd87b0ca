#!/usr/bin/env bash
# What the request metrics cost: the same jar, started alternately with the HTTP request observation on (A,
# FIXPOINT_HTTP_METRICS=true, the default) and off (B), each on a fresh temporary data directory, under the same
# LoadTest. A Prometheus-like scraper reads /actuator/prometheus every 15 s in both. Runs alternate (A, B, A, B, ...)
# so that other load on the machine spreads over both. Results: stdout and bench/results/observability-<date>.md.
#
#   bench/observability/ab.sh [rounds=2] [LoadTest arguments...]     (JAR=path/to.jar: another jar than target/'s)
#   default LoadTest arguments: --seconds 150 --warmup 30 --concurrency 8 --only 'read bug,/api/me'
set -euo pipefail

cd "$(dirname "$0")/../.."
ROUNDS=${1:-2}
shift || true
LOAD_ARGS=("$@")
[[ ${#LOAD_ARGS[@]} -gt 0 ]] || LOAD_ARGS=(--seconds 150 --warmup 30 --concurrency 8 --only 'read bug,/api/me')

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/java}
if [[ -z "$JAVA" ]]; then
  for j in /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java "$(command -v java || true)"; do
    [[ -x "$j" ]] && { JAVA=$j; break; }
  done
fi
JAR=${JAR:-$(ls target/fixpoint-*.jar 2>/dev/null | grep -v "\.original" | head -1 || true)}
[[ -n "$JAR" ]] || { echo "Build the jar first: ./mvnw -q -DskipTests package" >&2; exit 1; }

TOKEN=bench-metrics-token
APP_PID=""
SCRAPER_PID=""
DATA=""

stop_app() {
  [[ -n "$SCRAPER_PID" ]] && { kill "$SCRAPER_PID" 2>/dev/null || true; wait "$SCRAPER_PID" 2>/dev/null || true; }
  SCRAPER_PID=""
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  if [[ -n "$DATA" && -f "$DATA/postgres/postmaster.pid" ]]; then
    local pg; pg=$(head -1 "$DATA/postgres/postmaster.pid")
    if kill -0 "$pg" 2>/dev/null && grep -q postgres "/proc/$pg/cmdline" 2>/dev/null; then
      kill "$pg" 2>/dev/null || true; sleep 2; kill -9 "$pg" 2>/dev/null || true
    fi
  fi
  [[ -n "$DATA" ]] && rm -rf "$DATA"
  DATA=""
}
trap stop_app EXIT INT TERM

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port found" >&2; exit 1
}

# run <label> <true|false>: one server, one load test; prints the load test's table rows prefixed with the label
run() {
  local label=$1 metrics=$2 port base
  DATA=$(mktemp -d -t fixpoint-obs.XXXXXX)
  port=$(free_port)
  base="http://127.0.0.1:$port"
  FIXPOINT_DATA_DIR="$DATA" SERVER_PORT="$port" FIXPOINT_DEMO=false FIXPOINT_HTTP_METRICS="$metrics" \
    FIXPOINT_METRICS_TOKEN="$TOKEN" "$JAVA" -jar "$JAR" >"$DATA/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fsS "$base/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$DATA/app.log" >&2; exit 1; }
    sleep 0.5
  done
  ( while true; do curl -fsS -H "Authorization: Bearer $TOKEN" "$base/actuator/prometheus" >/dev/null 2>&1; sleep 15; done ) &
  SCRAPER_PID=$!
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  "$JAVA" bench/LoadTest.java --base "$base" --server-pid "$APP_PID" "${LOAD_ARGS[@]}" \
    | grep '^| [a-z]' | grep -v '^| phase' \
    | sed "s/^| /| $label (load $load) | /"
  stop_app
}

RESULT="bench/results/observability-$(date +%Y-%m-%d-%H%M%S).md"
mkdir -p bench/results
{
  echo "# Request metrics on (A) and off (B), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "commit $(git rev-parse --short HEAD), $(nproc) CPUs, LoadTest ${LOAD_ARGS[*]}"
  echo
  echo "| run | phase | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU ms/request |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$RESULT"
for r in $(seq 1 "$ROUNDS"); do
  run "A$r on" true | tee -a "$RESULT"
  run "B$r off" false | tee -a "$RESULT"
done
echo
echo "Results written to $RESULT"
