#!/usr/bin/env bash
# Times a 100,000-row Jira CSV import end to end: starts the packaged jar (embedded PostgreSQL, a fresh temporary data
# directory), signs up an admin, creates a project with two members the file names, generates the export
# (bench/imports/generate.py), uploads it as the request body (POST /api/projects/{id}/imports, text/csv), polls
# GET /api/imports/{id} until the job is finished, and prints the job's own time (started_at to finished_at: both
# passes over the file, translation, every batch committed) and the wall clock from upload to done. Then it runs the
# same file again (the idempotent re-run: every row an update) and stops everything it started.
#
#   bench/imports/run.sh [--rows 100000] [--heap 512m] [--jar JAR] [--jfr FILE] [--perf FILE] [--once] [--sql FILE]
#
# --jfr FILE records the server with Java Flight Recorder (profile settings) into FILE (read it with
# `jfr print --events jdk.ExecutionSample FILE` or `jfr summary`); --perf FILE samples the embedded PostgreSQL's
# processes (those alive when the first run starts: the pool's backends, the WAL writer, the checkpointer) with
# `perf record` during the first run (read it with `perf report -i FILE --no-children --sort sym`; needs perf and
# the right to attach; PERF_ARGS adds options, e.g. "--call-graph dwarf"); --once skips the re-run; --sql FILE runs FILE with
# psql against the server's database after the runs (bench/imports/explain.sql: what each part of a batch costs).
# FIXPOINT_IMPORTS_BATCH_SIZE in the environment reaches the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
ROWS=100000 HEAP=512m JAR_ARG="" JFR="" PERF="" ONCE="" SQL=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS=$2; shift ;; --heap) HEAP=$2; shift ;; --jar) JAR_ARG=$2; shift ;;
    --jfr) JFR=$(realpath -m "$2"); shift ;; --perf) PERF=$(realpath -m "$2"); shift ;; --once) ONCE=1 ;; --sql) SQL=$(realpath "$2"); shift ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done
for tool in curl jq python3; do command -v $tool >/dev/null || { echo "$tool is not installed" >&2; exit 2; }; done

JAVA=$(find_java)
JAR=${JAR_ARG:-$(find_jar "$JAVA")}
DATA=$(mktemp -d -t fixpoint-import-bench.XXXXXX)
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
APP_PID=""
APP_JAVA_OPTS="-Xmx$HEAP"
[[ -n "$JFR" ]] && APP_JAVA_OPTS="$APP_JAVA_OPTS -XX:StartFlightRecording=settings=profile,filename=$JFR,dumponexit=true"
trap 'stop_app; rm -rf "$DATA"' EXIT INT TERM

python3 bench/imports/generate.py "$ROWS" > "$DATA/jira.csv"
SIZE=$(du -h "$DATA/jira.csv" | cut -f1)
start_app bench

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
signup() {
  json -X POST "$BASE/api/auth/signup" -d "{\"email\": \"$1@example.com\", \"password\": \"a-long-enough-password\",
    \"name\": \"$2\", \"username\": \"$1\"}" | jq -r .token
}
TOKEN=$(signup grace "Grace Hopper")
signup fox "Fox Mulder" >/dev/null
signup dana "Dana Scully" >/dev/null
AUTH="Authorization: Bearer $TOKEN"
json -H "$AUTH" -X POST "$BASE/api/projects" -d '{"name": "Web shop", "key": "SHOP"}' >/dev/null
for who in fox dana; do
  json -H "$AUTH" -X POST "$BASE/api/projects/SHOP/members" -d "{\"username\": \"$who\", \"role\": \"developer\"}" >/dev/null
done

# CPU seconds used so far by the server's JVM and by its PostgreSQL (the postmaster, its live processes and the ones
# that exited): "java pg". On a loaded machine the wall clock mostly measures the other processes; the CPU each side
# needed for the same import does not, and says what an idle machine's two cores can do with it.
cpu_seconds() {
  local hz pg children=""; hz=$(getconf CLK_TCK)
  pg=$(head -1 "$DATA/postgres/postmaster.pid")
  [[ -r /proc/$pg/task/$pg/children ]] && children=$(cat "/proc/$pg/task/$pg/children")
  local java_ticks pg_ticks=0 c
  java_ticks=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
  pg_ticks=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pg/stat")
  for c in $children; do
    [[ -r /proc/$c/stat ]] && pg_ticks=$(( pg_ticks + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0) ))
  done
  awk -v j="$java_ticks" -v p="$pg_ticks" -v hz="$hz" 'BEGIN { printf "%.1f %.1f", j / hz, p / hz }'
}

# WAL the server wrote so far and its checkpoints: "bytes full_page_images checkpoints" (pg_stat_wal, pg_stat_checkpointer).
wal_stats() {
  PGPASSWORD=postgres psql -X -At -F ' ' -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" -U postgres \
    -d postgres -c "select w.wal_bytes, w.wal_fpi, c.num_timed + c.num_requested from pg_stat_wal w, pg_stat_checkpointer c"
}

import_once() {
  local t0 id state job cpu0 cpu1 wal0 wal1
  t0=$(date +%s.%N)
  cpu0=$(cpu_seconds)
  wal0=$(wal_stats)
  id=$(curl -fsS -H "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$DATA/jira.csv" \
    "$BASE/api/projects/SHOP/imports?source=jira_csv&filename=jira.csv" | jq -r .id)
  while :; do
    job=$(curl -fsS -H "$AUTH" "$BASE/api/imports/$id")
    state=$(jq -r .state <<<"$job")
    [[ "$state" == done || "$state" == failed || "$state" == cancelled ]] && break
    sleep 0.5
  done
  local wall; wall=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  cpu1=$(cpu_seconds)
  wal1=$(wal_stats)
  awk -v a="$wal0" -v b="$wal1" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "WAL of the run: %.0f MB, %d full-page images, %d checkpoints\n", (y[1] - x[1]) / 1048576, y[2] - x[2], y[3] - x[3] }' >&2
  local cpu; cpu=$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "%.1f s | %.1f s", y[1] - x[1], y[2] - x[2] }')
  jq -r --arg wall "$wall" --arg cpu "$cpu" '"| \(.state) | \(.total) | \(.created) | \(.updated) | \(.skipped) | \(.warning_count) | " +
    "\(((.finished_at | sub("\\.[0-9]+Z$"; "Z") | fromdate) - (.started_at | sub("\\.[0-9]+Z$"; "Z") | fromdate))) s | " +
    "\($wall) s | \(.rows_per_second) | \($cpu) |"' <<<"$job"
}

echo "# Import of a $ROWS-row Jira CSV ($SIZE), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), server -Xmx$HEAP"
echo
echo "| run | state | rows | created | updated | skipped | warnings | job (started → finished) | wall (upload → done) | rows/s | CPU java | CPU postgres |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
PERF_PID=""
if [[ -n "$PERF" ]]; then
  pg=$(head -1 "$DATA/postgres/postmaster.pid")
  perf record -q -F 499 ${PERF_ARGS:-} -o "$PERF" -p "$(tr ' ' '\n' < "/proc/$pg/task/$pg/children" | grep . | paste -sd, -)" \
    >/dev/null 2>&1 &
  PERF_PID=$!
fi
echo "| first $(import_once)"
[[ -n "$PERF_PID" ]] && { kill -INT "$PERF_PID"; wait "$PERF_PID" || true; }
echo "load after the first run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
[[ -z "$ONCE" ]] && echo "| again $(import_once)"
echo
echo "Server RSS after the runs: $(awk '/VmRSS/ { print $2 / 1024 " MB" }' "/proc/$APP_PID/status")"
if [[ -n "$SQL" ]]; then
  echo
  PGPASSWORD=postgres psql -X -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" -U postgres -d postgres -f "$SQL"
fi
