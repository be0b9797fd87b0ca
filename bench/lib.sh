# Shell functions shared by bench/run.sh and bench/soak.sh (sourced, not run). The caller sets DATA (the data
# directory), PORT, BASE, JAR, JAVA and APP_PID=""; APP_JAVA_OPTS adds JVM options to the app.

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

# The packaged jar, built first (with the JDK $1) when there is none or it is older than the sources (a jar left in
# target/ by another branch would measure that branch); its path on stdout, messages on stderr.
find_jar() {
  local jar
  jar=$(ls target/fixpoint-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)
  if [[ -n "$jar" && -n "$(find src pom.xml -newer "$jar" -type f -print -quit)" ]]; then
    echo "$jar is older than the sources: rebuilding it" >&2
    jar=""
  fi
  if [[ -z "$jar" ]]; then
    echo "Building the jar (./mvnw -q -DskipTests package)..." >&2
    JAVA_HOME=$(dirname "$(dirname "$1")") ./mvnw -q -DskipTests package >&2
    jar=$(ls target/fixpoint-*.jar | grep -v -- '-plain\|\.original' | head -1)
  fi
  echo "$jar"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free port found" >&2; exit 1
}

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
# Starts the app and waits until it is ready (/actuator/health/readiness answers 200, polled every 0.1 s); sets SPRING_S
# (what Spring logs), HEALTHY_S (wall clock from the java command to ready) and CPU_S (CPU seconds the JVM used so far).
start_app() {
  local log="$DATA/app-$1.log" t0 deadline
  t0=$(date +%s.%N)
  deadline=$(( $(date +%s) + ${START_TIMEOUT:-180} ))
  FIXPOINT_DATA_DIR="$DATA" SERVER_PORT="$PORT" FIXPOINT_DEMO=false "$JAVA" ${APP_JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
  APP_PID=$!
  while (( $(date +%s) < deadline )); do
    if curl -fsS "$BASE/actuator/health/readiness" >/dev/null 2>&1; then
      HEALTHY_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      CPU_S=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
      SPRING_S=$(sed -n 's/.*Started FixpointApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -1)
      SPRING_S=${SPRING_S:-?}
      return
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The application exited; last log lines:" >&2; tail -30 "$log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "The application was not ready within ${START_TIMEOUT:-180} s; last log lines:" >&2; tail -30 "$log" >&2; exit 1
}

# A fresh app for one benchmark: finds java and the jar, starts the jar on a new temporary data directory on a free
# port (BASE), prints the load average and the start time, and stops the app and removes the directory on exit.
#   start_fresh_app NAME     (NAME: the log's and the temporary directory's name)
start_fresh_app() {
  JAVA=$(find_java)
  JAR=$(find_jar "$JAVA")
  DATA=$(mktemp -d -t "fixpoint-$1.XXXXXX")
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  APP_PID=""
  trap 'stop_app; rm -rf "$DATA"' EXIT INT TERM
  echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  start_app "$1"
  echo "Started in ${HEALTHY_S} s"
}

# Runs a bench program with the helpers it shares with the others (bench/common/*.java: the HTTP receiver, the API
# client): compiled together with $JAVA's javac into a temporary directory (the source launcher of JDK 21 sees one
# file only), then run with the arguments.
#   run_bench bench/slack/SlackBench.java --base "$BASE" ...
run_bench() {
  local main=$1; shift
  local classes rc=0
  classes=$(mktemp -d -t fixpoint-bench-classes.XXXXXX)
  "$(dirname "$JAVA")/javac" -nowarn -d "$classes" bench/common/*.java "$main"
  "$JAVA" -cp "$classes" "$(basename "$main" .java)" "$@" || rc=$?
  rm -rf "$classes"
  return "$rc"
}
