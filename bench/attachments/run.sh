#!/usr/bin/env bash
# Attachment throughput and server heap: starts the jar (embedded PostgreSQL, local storage, a fresh temporary data
# directory, -Xmx256m so that ten parallel 25 MB uploads could not be held in memory), runs AttachmentBench.java
# against it, then stops it and removes everything it created.
#
#   bench/attachments/run.sh [--parallel 10] [--bytes 26214400]
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/java}
if [[ -z "$JAVA" ]]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    [[ -x "$j" && -x "$(dirname "$j")/jstat" ]] && { JAVA=$j; break; }
  done
fi
JAR=$(ls target/fixpoint-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
if [[ -z "$JAR" ]]; then
  JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -q -DskipTests package
  JAR=$(ls target/fixpoint-*.jar | head -1)
fi

DATA=$(mktemp -d -t fixpoint-att-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  local pidfile="$DATA/postgres/postmaster.pid"
  if [[ -f "$pidfile" ]]; then
    local pg; pg=$(head -1 "$pidfile")
    if [[ -n "$pg" ]] && grep -q postgres "/proc/$pg/cmdline" 2>/dev/null; then kill "$pg" || true; fi
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT INT TERM

FIXPOINT_DATA_DIR="$DATA" SERVER_PORT="$PORT" "$JAVA" -Xmx256m -jar "$JAR" >"$DATA/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$DATA/app.log"; exit 1; }
  sleep 0.5
done
echo "# Attachments, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), server -Xmx256m"
echo
"$JAVA" bench/attachments/AttachmentBench.java --base "http://127.0.0.1:$PORT" --pid "$APP_PID" "$@"
