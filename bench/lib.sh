# Shell functions shared by the bench scripts (sourced, not run). The caller sets DATA (the data directory), PORT,
# BASE, JAR, JAVA and APP_PID=""; APP_JAVA_OPTS adds JVM options to the app. The last part is what the scripts that
# measure a server on a data set (perf.sh, cpu-per-request.sh) have in common: options, the server, signing in, wrk.

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
# the project's dependency class path for bench programs run against target/classes (made once, again after pom.xml
# changes); prints it. Needs JAVA set (find_java).
bench_classpath() {
  local cp=target/bench-classpath.txt
  if [[ ! -s "$cp" || pom.xml -nt "$cp" ]]; then
    JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$cp" >&2
  fi
  cat "$cp"
}

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
# Waits (up to RENDER_TIMEOUT s, default 1800) until the running app's background rendering of bug reports
# (bugs.BugTextBackfill) has stored every bug's HTML. A data set from generate.sh has none at first, and after its
# first start the app renders them for minutes (100k bugs: 8-15 min at load 20, a quarter of a core): requests
# measured meanwhile share the CPU with it. Needs psql; without it, says so and does not wait.
wait_for_renderings() {
  command -v psql >/dev/null || { echo "psql not found: not waiting for the reports' renderings" >&2; return; }
  local port missing deadline=$(( $(date +%s) + ${RENDER_TIMEOUT:-1800} ))
  port=$(sed -n 4p "$DATA/postgres/postmaster.pid")
  while (( $(date +%s) < deadline )); do
    missing=$(psql -X -Atq -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "select count(*) from bugs b
      where not exists (select 1 from bug_texts_html h where h.bug_id = b.id)")
    [[ "$missing" == 0 ]] && return
    echo "Waiting for the background rendering of $missing bug reports..."
    sleep 10
  done
  echo "Reports still unrendered after ${RENDER_TIMEOUT:-1800} s: measuring anyway" >&2
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
# JAR_ARG (a jar to run instead of the packaged one) and BENCH_PORT (a fixed port) are taken from the environment.
#   start_fresh_app NAME     (NAME: the log's and the temporary directory's name)
start_fresh_app() {
  JAVA=$(find_java)
  JAR=${JAR_ARG:-$(find_jar "$JAVA")}
  DATA=$(mktemp -d -t "fixpoint-$1.XXXXXX")
  PORT=${BENCH_PORT:-$(free_port)}
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

# ---- measuring a server on a data set (bench/data/generate.sh): bench/perf.sh, bench/cpu-per-request.sh ----

# The calling script's header comment (its usage), without the "#!" line.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

# Reads one of the options every measuring script takes, or --help: sets TAKEN to the words it used (1 or 2) and
# returns 0, or returns 1 for an option that is not one of them. The caller sets the defaults first.
#   while [[ $# -gt 0 ]]; do if bench_option "$@"; then shift "$TAKEN"; continue; fi; case "$1" in ...; esac; done
bench_option() {
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --data|--project|--heap|--warmup|--seconds|--connections|--threads|--java-opts|--jar)
      [[ $# -ge 2 ]] || { echo "$1 needs a value (see $0 --help)" >&2; exit 2; } ;;
    *) return 1 ;;
  esac
  TAKEN=2
  case "$1" in
    --data) DATA=$2 ;; --project) PROJECT=$2 ;; --heap) HEAP=$2 ;; --warmup) WARMUP=$2 ;; --seconds) SECONDS_=$2 ;;
    --connections) CONNECTIONS=$2 ;; --threads) THREADS=$2 ;; --java-opts) EXTRA_OPTS=$2 ;; --jar) JAR_ARG=$2 ;;
  esac
}
unknown_option() { echo "unknown option $1 (see $0 --help)" >&2; exit 2; }
# A script's own option that takes a value ($1 $2): exits 2 when there is none (instead of "$2: unbound variable").
#   --starts) needs_value "$@"; STARTS=$2; shift ;;
needs_value() { [[ $# -ge 2 ]] || { echo "$1 needs a value (see $0 --help)" >&2; exit 2; }; }

# DATA must be a data set made by bench/data/generate.sh (made absolute here); wrk, curl and jq must be installed.
need_data_set() {
  [[ -f "$DATA/postgres/PG_VERSION" ]] || { echo "--data must be a data set made by bench/data/generate.sh" >&2; exit 2; }
  DATA=$(cd "$DATA" && pwd)
  for tool in wrk curl jq; do command -v $tool >/dev/null || { echo "$tool is not installed" >&2; exit 2; }; done
}

# The server to start on DATA: JAVA, JAR (--jar or the packaged one), a free PORT and its BASE, APP_JAVA_OPTS (the
# heap, fixed: -Xms = -Xmx, and --java-opts), and a WORK directory; the server is stopped and WORK removed on exit.
#   prepare_app NAME   (NAME: the temporary directory's name)
prepare_app() {
  JAVA=$(find_java)
  JAR=${JAR_ARG:-$(find_jar "$JAVA")}
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  APP_PID=""
  APP_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP $EXTRA_OPTS"   # a fixed heap, as deployed (README "Deploy")
  WORK=$(mktemp -d -t "fixpoint-$1.XXXXXX")
  trap 'stop_app; rm -rf "$WORK"' EXIT INT TERM
}

# The data set's admin signs in: TOKEN (a bearer token for the API) and COOKIE (a session through the login form, with
# its CSRF token, for the pages), exported with PROJECT for the wrk scripts; the cookie jar goes into WORK.
sign_in() {
  TOKEN=$(curl -fsS -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email": "admin@bench.fixpoint.test", "password": "fixpoint-bench"}' | jq -r .token)
  local jar="$WORK/cookies" csrf
  rm -f "$jar"
  csrf=$(curl -fsS -c "$jar" "$BASE/login" | sed -nE 's/.*name="_csrf"[[:space:]]+value="([^"]+)".*/\1/p' | head -1)
  curl -fsS -o /dev/null -b "$jar" -c "$jar" -X POST "$BASE/login" --data-urlencode "email=admin@bench.fixpoint.test" \
    --data-urlencode "password=fixpoint-bench" --data-urlencode "_csrf=$csrf"
  COOKIE="SESSION=$(awk '$6 == "SESSION" { print $7 }' "$jar")"
  [[ "$COOKIE" != "SESSION=" ]] || { echo "signing in through the login form failed" >&2; exit 1; }
  export TOKEN COOKIE PROJECT
}

# The number of PROJECT's newest bug (the wrk scripts pick bugs 1..BUGS), once per run: exported as BUGS.
count_bugs() {
  BUGS=${BUGS:-$(curl -fsS "$BASE/api/projects/$PROJECT/bugs?sort=-created&limit=1" -H "Authorization: Bearer $TOKEN" \
    | jq -r '.items[0].key' | sed 's/.*-//')}
  export BUGS
}

# The bench/wrk script of a request kind.
wrk_script() {
  case "$1" in
    read) echo read.lua ;; list) echo filtered.lua ;; search) echo search.lua ;; create) echo create.lua ;;
    page) echo page.lua ;; me) echo me.lua ;; *) echo "unknown request kind $1" >&2; exit 2 ;;
  esac
}

# wrk's output on stdin: the requests that failed (non-2xx answers and socket errors).
wrk_errors() { awk '/Non-2xx/ { n += $5 } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }'; }
