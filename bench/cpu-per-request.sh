#!/usr/bin/env bash
# CPU milliseconds per request, app and database apart: the number that moves least on a shared machine (wall-clock
# throughput there is mostly waiting for a core). Starts the packaged jar on an existing data set (bench/data/
# generate.sh; filing adds bugs to it, so use a copy) or measures a server already running, then per request kind:
# warm-up load not counted, then --seconds of wrk, dividing the CPU read from /proc before and after by the requests
# answered (wrk counts them)
#   - the app: utime + stime of the java process (its outbox workers and scheduled jobs included: the fan-out a
#     filing causes after its commit is part of what filing costs),
#   - the database: utime + stime of every PostgreSQL process (the postmaster's children alive at both reads, plus
#     cutime + cstime of the postmaster for those that ended in between: autovacuum workers, the WAL writer's share).
#
#   bench/cpu-per-request.sh --data DIR [--kinds me,read,page,list,search,create] [--seconds 10] [--warmup 15]
#                            [--connections 4] [--threads 2] [--rounds 1] [--jfr DIR] [--heap 512m] [--java-opts "..."] [--jar JAR]
#   bench/cpu-per-request.sh --base http://127.0.0.1:PORT --server-pid PID --data DIR ...   (a server you started)
#
#   --rounds N  measure each kind N times in a row (the spread says how far to trust a difference)
#   --pg-stats DIR  per kind, the statements PostgreSQL ran in the measured rounds with their time, from
#               pg_stat_statements (reset before the rounds), into DIR/KIND-statements.txt; needs
#               shared_preload_libraries = 'pg_stat_statements' (and pg_stat_statements.track = all for the statements
#               of triggers) in DATA/postgres/postgresql.conf and psql on the PATH; then one more round, not
#               measured, while one session samples what the app's database sessions wait for every 50 ms
#               (DIR/KIND-waits.txt: "CPU" = running, Lock:tuple/transactionid = a row lock, IO:WALSync = a commit's fsync)
#   --jfr DIR   after measuring a kind, one more round with a JFR recording (settings=profile) into DIR/KIND.jfr
#               (recording costs CPU itself, so it is never part of the measured rounds); read it with
#               `jfr print --events jdk.ExecutionSample` or `jfr view hot-methods DIR/KIND.jfr`
#
# Prints a markdown table (and writes it to bench/results/cpu-<date>.md): per kind the requests, their wall time,
# app and database CPU ms per request, their sum and the sum relative to GET /api/me of the same run, plus the idle
# CPU of both (ms per second, measured for 5 s before the first kind) so background work can be told apart.
# Needs wrk, curl, jq.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source bench/lib.sh
START_TIMEOUT=${START_TIMEOUT:-600}

DATA="" PROJECT=STOR HEAP=512m WARMUP=15 SECONDS_=10 CONNECTIONS=4 THREADS=2 ROUNDS=1 JFR_DIR="" PG_STATS=""
KINDS=me,read,page,list,search,create EXTRA_OPTS="" JAR_ARG="" BASE_ARG="" SERVER_PID=""
while [[ $# -gt 0 ]]; do
  if bench_option "$@"; then shift "$TAKEN"; continue; fi
  case "$1" in
    --rounds) ROUNDS=$2; shift ;; --jfr) JFR_DIR=$2; shift ;; --pg-stats) PG_STATS=$2; shift ;; --kinds) KINDS=$2; shift ;;
    --base) BASE_ARG=$2; shift ;; --server-pid) SERVER_PID=$2; shift ;;
    *) unknown_option "$1" ;;
  esac
  shift
done
need_data_set
[[ -z "$JFR_DIR" ]] || { mkdir -p "$JFR_DIR"; JFR_DIR=$(cd "$JFR_DIR" && pwd); }
[[ -z "$PG_STATS" ]] || { mkdir -p "$PG_STATS"; PG_STATS=$(cd "$PG_STATS" && pwd); }

if [[ -n "$BASE_ARG" ]]; then
  [[ -n "$SERVER_PID" ]] || { echo "--base needs --server-pid" >&2; exit 2; }
  JAVA=$(find_java)
  BASE=$BASE_ARG
  WORK=$(mktemp -d -t fixpoint-cpu.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT INT TERM   # not stop_app: the server and its database are someone else's
else
  prepare_app cpu
  echo "Starting $JAR on $DATA ($APP_JAVA_OPTS)..."
  start_app cpu
  SERVER_PID=$APP_PID
  echo "Ready after ${HEALTHY_S} s (${CPU_S} s CPU)"
fi
case "$BASE" in http://localhost:*|http://127.0.0.1:*) ;; *) echo "only loopback addresses" >&2; exit 2 ;; esac
HZ=$(getconf CLK_TCK)

# CPU ticks of the app, and of PostgreSQL (the postmaster, its live children, and its reaped children's total)
app_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
db_ticks() {
  local pm; pm=$(head -1 "$DATA/postgres/postmaster.pid")
  {
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
    for child in $(cat "/proc/$pm/task/$pm/children" 2>/dev/null); do
      awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true
    done
  } | awk '{ n += $1 } END { print n + 0 }'
}

# $2 seconds of requests of kind $1; sets N (answered) and ERRORS
run_count() {
  local out
  out=$(cd bench/wrk && wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 10s -s "$(wrk_script "$1")" "$BASE" 2>&1)
  N=$(awk '/requests in/ { print $1 }' <<<"$out")
  ERRORS=$(wrk_errors <<<"$out")
}
pg() { psql -X -q -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" -U postgres -d postgres "$@"; }
pg_stats_reset() {
  [[ -z "$PG_STATS" ]] || pg -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
}
pg_stats_write() { # the statements of the last $2 requests of kind $1, most time first, per request
  [[ -z "$PG_STATS" ]] || pg -v n="$2" >"$PG_STATS/$1-statements.txt" <<'SQL'
select round(calls::numeric / :n, 2) as calls_per_req, round((total_exec_time / :n)::numeric, 4) as ms_per_req,
       round((100 * total_exec_time / sum(total_exec_time) over ())::numeric, 1) as pct, toplevel,
       left(regexp_replace(query, '\s+', ' ', 'g'), 200) as query
from pg_stat_statements where dbid = (select oid from pg_database where datname = 'postgres')
order by total_exec_time desc limit 40;
SQL
}
pg_waits() { # samples the waits of the app's sessions while kind $1 runs for $2 seconds
  [[ -z "$PG_STATS" ]] && return
  pg >"$PG_STATS/$1-waits.txt" <<'SQL' &
create temp table w (e text);
do $$ begin
  for i in 1..100000 loop
    perform pg_stat_clear_snapshot();
    insert into w select coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
      where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid();
    exit when exists (select 1 from pg_stat_activity where application_name = 'cpu-per-request-stop');
    perform pg_sleep(0.05);
  end loop;
end $$;
select e as waiting_for, count(*) as samples, round(100.0 * count(*) / sum(count(*)) over (), 1) as pct
from w group by e order by 2 desc;
SQL
  local sampler=$!
  sleep 0.5
  run_count "$1" "$2"
  PGAPPNAME=cpu-per-request-stop pg -c "select pg_sleep(0.2)" >/dev/null
  wait "$sampler" || true
}
run_for() { (cd bench/wrk && wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --timeout 10s -s "$(wrk_script "$1")" "$BASE" >/dev/null 2>&1); }

sign_in
count_bugs
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
a0=$(app_ticks) d0=$(db_ticks); sleep 5; a1=$(app_ticks) d1=$(db_ticks)
IDLE_APP=$(awk -v t=$((a1 - a0)) -v hz="$HZ" 'BEGIN { printf "%.1f", t * 1000 / hz / 5 }')
IDLE_DB=$(awk -v t=$((d1 - d0)) -v hz="$HZ" 'BEGIN { printf "%.1f", t * 1000 / hz / 5 }')
echo "Idle: app ${IDLE_APP} ms/s, database ${IDLE_DB} ms/s of CPU; project $PROJECT, bugs 1..$BUGS"

ROWS=()
declare -A TOTAL
for kind in ${KINDS//,/ }; do
  run_for "$kind" "$WARMUP"
  pg_stats_reset
  measured=0
  for round in $(seq 1 "$ROUNDS"); do
    a0=$(app_ticks) d0=$(db_ticks) t0=$(date +%s.%N)
    run_count "$kind" "$SECONDS_"
    a1=$(app_ticks) d1=$(db_ticks) t1=$(date +%s.%N)
    row=$(awk -v a=$((a1 - a0)) -v d=$((d1 - d0)) -v n="$N" -v hz="$HZ" -v t0="$t0" -v t1="$t1" 'BEGIN {
      app = a * 1000 / hz / n; db = d * 1000 / hz / n
      printf "%d\t%.1f\t%.3f\t%.3f\t%.3f", n, t1 - t0, app, db, app + db }')
    IFS=$'\t' read -r n secs app db sum <<<"$row"
    TOTAL[$kind]=$sum
    measured=$((measured + n))
    ROWS+=("$kind|$round|$n|$secs|$app|$db|$sum|$ERRORS")
    echo "  $kind (round $round): $n requests in $secs s; CPU ms/request app $app, database $db, sum $sum; errors $ERRORS"
  done
  pg_stats_write "$kind" "$measured"
  pg_waits "$kind" "$SECONDS_"
  if [[ -n "$JFR_DIR" ]]; then
    "$(dirname "$JAVA")/jcmd" "$SERVER_PID" JFR.start name="cpu-$kind" settings=profile \
      filename="$JFR_DIR/$kind.jfr" >/dev/null
    run_count "$kind" "$SECONDS_"
    "$(dirname "$JAVA")/jcmd" "$SERVER_PID" JFR.stop name="cpu-$kind" >/dev/null
    echo "  $kind: JFR recording of $N more requests in $JFR_DIR/$kind.jfr"
  fi
done

mkdir -p bench/results
RESULT="bench/results/cpu-$(date +%Y-%m-%d-%H%M%S).md"
{
  echo "# bench/cpu-per-request.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)'); ${JAR:+jar: $JAR; }server pid $SERVER_PID"
  echo "- machine: $(nproc) CPUs; load average at the start: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- data: $DATA, project $PROJECT with ${BUGS} bugs; wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} s warm-up per kind, then ${SECONDS_} s per round"
  echo "- idle CPU before the first kind: app ${IDLE_APP} ms/s, database ${IDLE_DB} ms/s (included in the numbers below)"
  echo
  echo "| kind | round | requests | seconds | app CPU ms/req | database CPU ms/req | sum | sum / \`/api/me\` | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r kind round n secs app db sum errors <<<"$r"
    ratio=$(awk -v a="$sum" -v b="${TOTAL[me]:-}" 'BEGIN { if (b == "" || b == 0) print "–"; else printf "%.1f×", a / b }')
    echo "| $kind | $round | $n | $secs | $app | $db | $sum | $ratio | $errors |"
  done
} >"$RESULT"
echo
cat "$RESULT"
echo "Written to $RESULT"
