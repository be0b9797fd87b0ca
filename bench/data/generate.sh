#!/usr/bin/env bash
# Creates a large bench data set in an embedded-PostgreSQL data dir:
#   1. starts the app (fat jar) on FIXPOINT_DATA_DIR so Flyway creates the schema and the embedded PostgreSQL runs,
#   2. runs bench/data/Generate.java (COPY) against that PostgreSQL while the app keeps it up,
#   3. stops the app with SIGTERM (its shutdown hook stops PostgreSQL).
#
# usage: bench/data/generate.sh [--fresh] [Generate.java options: --bugs N --projects N --big-project N
#                               --comments N --users N --seed N --jobs N --append --check-foreign-keys --no-vacuum]
#   --fresh   delete FIXPOINT_DATA_DIR first (only if it looks like a Fixpoint data dir)
# env: FIXPOINT_DATA_DIR (default /tmp/fixpoint-bench), JAVA_HOME (a JDK >= 21 is searched for otherwise),
#      START_TIMEOUT (seconds to wait for the app, default 900)
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA_DIR=${FIXPOINT_DATA_DIR:-/tmp/fixpoint-bench}
FRESH=0
ARGS=()
for arg in "$@"; do
  if [ "$arg" = "--fresh" ]; then FRESH=1; else ARGS+=("$arg"); fi
done

is_jdk21() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if [ -z "${JAVA_HOME:-}" ] || ! is_jdk21 "$JAVA_HOME"; then
  JAVA_HOME=""
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if is_jdk21 "$jdk"; then JAVA_HOME="$jdk"; break; fi
  done
  [ -n "$JAVA_HOME" ] || { echo "No JDK >= 21 found; set JAVA_HOME" >&2; exit 1; }
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

JAR=$(ls target/fixpoint-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  echo "Building the app jar ..."
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/fixpoint-*.jar | grep -v original | head -1)
fi

# The PostgreSQL JDBC driver the app itself uses (resolved by Maven into ~/.m2).
CP_FILE=$(mktemp)
if ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1 \
    && [ -s "$CP_FILE" ]; then
  DRIVER=$(tr ':' '\n' < "$CP_FILE" | grep -m1 '/org/postgresql/postgresql/[^/]*/postgresql-[^/]*\.jar$' || true)
fi
rm -f "$CP_FILE"
if [ -z "${DRIVER:-}" ] || [ ! -f "$DRIVER" ]; then
  DRIVER=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' 2>/dev/null | sort -V | tail -1)
fi
[ -f "${DRIVER:-}" ] || { echo "PostgreSQL JDBC driver not found in ~/.m2 (run ./mvnw dependency:resolve)" >&2; exit 1; }

if [ "$FRESH" = 1 ] && [ -d "$DATA_DIR" ]; then
  if [ -z "$(ls -A "$DATA_DIR")" ] || [ -f "$DATA_DIR/postgres/PG_VERSION" ]; then
    rm -rf "$DATA_DIR"
  else
    echo "$DATA_DIR does not look like a Fixpoint data dir; not deleting it" >&2; exit 1
  fi
fi
mkdir -p "$DATA_DIR"

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port found" >&2; return 1
}
PORT=$(free_port)
LOG="$DATA_DIR/app-generate.log"

echo "Starting the app on port $PORT with FIXPOINT_DATA_DIR=$DATA_DIR (log: $LOG) ..."
FIXPOINT_DATA_DIR="$DATA_DIR" SERVER_PORT="$PORT" "$JAVA" -jar "$JAR" >"$LOG" 2>&1 &
APP_PID=$!
stop_app() {
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT

# a busy machine starts the app slowly (400 s seen at load average 25): wait up to START_TIMEOUT seconds
DEADLINE=$(( $(date +%s) + ${START_TIMEOUT:-900} ))
while (( $(date +%s) < DEADLINE )); do
  if curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { echo "The app exited; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; }
  sleep 1
done
curl -sf "http://localhost:$PORT/actuator/health" >/dev/null \
  || { echo "The app did not become healthy within ${START_TIMEOUT:-900} s (START_TIMEOUT); see $LOG" >&2; exit 1; }
PG_PORT=$(grep -oE 'Embedded PostgreSQL on port [0-9]+' "$LOG" | head -1 | grep -oE '[0-9]+$')
[ -n "$PG_PORT" ] || { echo "No 'Embedded PostgreSQL on port N' line in $LOG (external database configured?)" >&2; exit 1; }
# Non-ephemeral data dirs use the server's default database (see DatabaseConfiguration).
DB_URL="jdbc:postgresql://localhost:$PG_PORT/postgres"
echo "Schema ready; embedded PostgreSQL on port $PG_PORT"

"$JAVA" -Xmx2g -cp "$DRIVER" bench/data/Generate.java --url "$DB_URL" --user postgres --password postgres "${ARGS[@]}"

echo "Stopping the app ..."
stop_app
trap - EXIT
cat <<EOF

Done. Run the app on this data:
  FIXPOINT_DATA_DIR=$DATA_DIR ./mvnw spring-boot:run
Log in as admin@bench.fixpoint.test / fixpoint-bench (site admin, admin of the big project STOR);
every generated user (userN@bench.fixpoint.test) has the same password.
EOF
