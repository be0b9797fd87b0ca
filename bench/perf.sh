#!/usr/bin/env bash
# The request mix of issue 14 with wrk, against a warm and against a just-started (cold) server, in one table with
# GET /api/me (the stack's own ceiling) measured in the same run. Starts the packaged jar itself on an existing data
# set (bench/data/generate.sh) with a fixed heap, stops it at the end; the data directory is kept (filing adds bugs).
#
#   bench/perf.sh --data DIR [--project STOR] [--heap 512m] [--warmup 30] [--seconds 20] [--cold-seconds 30]
#                 [--connections 8] [--threads 2] [--only read,list,search,create,page,me] [--no-cold] [--no-warm]
#                 [--aot CACHE] [--java-opts "..."] [--jar JAR]
#
#   --aot CACHE  run the jar extracted (java -Djarmode=tools ... extract, into CACHE.app/) with -XX:AOTCache=CACHE,
#                made first by a training run (deploy/aot-training.sh) if CACHE does not exist (JDK >= 25; README "Deploy");
#                delete CACHE after rebuilding the jar
#
# Warm: one server; every request kind gets 30 s of wrk not counted, then per kind 10 s more and --seconds counted. Cold: per request kind a
# fresh start of the server on the same data, then --cold-seconds of wrk from the moment it is ready (sign-in
# included). Writes bench/results/perf-<date>.md and prints it. Needs wrk (apt-get install wrk), curl, jq. The warm run
# first waits for the app's background rendering of the data set's reports (bench/lib.sh wait_for_renderings; psql).
# env AFTER_WARM: a command run after the warm run while the server still runs (BASE, APP_PID, PG_PORT, TOKEN, COOKIE
# and PROJECT exported), e.g. to time pages or EXPLAIN against the same data (bench/curve.sh's --probe).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source bench/lib.sh
START_TIMEOUT=${START_TIMEOUT:-600}   # a 1M-bug data set on a busy machine starts slowly

DATA="" PROJECT=STOR HEAP=512m WARMUP=30 SECONDS_=20 COLD_SECONDS=30 CONNECTIONS=8 THREADS=2
ONLY=read,list,search,page,me,create COLD=1 WARM=1 AOT="" EXTRA_OPTS="" JAR_ARG=""
while [[ $# -gt 0 ]]; do
  if bench_option "$@"; then shift "$TAKEN"; continue; fi
  case "$1" in
    --cold-seconds) needs_value "$@"; COLD_SECONDS=$2; shift ;; --only) needs_value "$@"; ONLY=$2; shift ;;
    --no-cold) COLD=0 ;; --no-warm) WARM=0 ;; --aot) needs_value "$@"; AOT=$2; shift ;;
    *) unknown_option "$1" ;;
  esac
  shift
done
need_data_set
prepare_app perf
if [[ -n "$AOT" ]]; then
  # the AOT cache takes classes from plain jars on the class path (not the fat jar's nested ones), and only with the
  # class path it was trained with: the jar is extracted once into CACHE.app/ and kept next to the cache
  if [[ ! -f "$AOT" ]]; then
    rm -rf "$AOT.app"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$AOT.app" >/dev/null
    echo "Training run for the AOT cache $AOT ..."
    deploy/aot-training.sh "$JAVA" "$(ls "$AOT".app/*.jar)" "$AOT" >"$WORK/training.log" 2>&1 \
      || { tail -30 "$WORK/training.log" >&2; exit 1; }
  fi
  JAR=$(ls "$AOT".app/*.jar)
  APP_JAVA_OPTS="$APP_JAVA_OPTS -XX:AOTCache=$AOT"
fi

ms() { # wrk prints 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0;
    else if (v ~ /s$/) printf "%.0f", v * 1000; else print v }'
}
# wrk for one request kind; sets RPS P50 P99 ERRORS
run_wrk() {
  local kind=$1 seconds=$2 out
  out=$(cd bench/wrk && wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$(wrk_script "$kind")" "$BASE" 2>&1)
  RPS=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
  P50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  P99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  ERRORS=$(wrk_errors <<<"$out")
}
label() {
  case "$1" in
    read) echo "read one bug \`GET /api/bugs/$PROJECT-n\`" ;;
    list) echo "filtered list, 25 rows (\`status\`+\`priority\`, \`sort=-updated\`)" ;;
    search) echo "full-text search \`?q=\`" ;;
    create) echo "file a bug \`POST /api/projects/$PROJECT/bugs\`" ;;
    page) echo "bug page (HTML, signed in)" ;;
    me) echo "\`GET /api/me\` (ceiling)" ;;
  esac
}
memory() { # resident set and heap of the running server
  local rss heap
  rss=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  heap=$("$(dirname "$JAVA")/jcmd" "$APP_PID" GC.heap_info 2>/dev/null | awk '/total/ { for (i = 1; i <= NF; i++)
    if ($i == "used") { v = $(i + 1); sub("K,?", "", v); printf "%d", v / 1024; exit } }')
  echo "RSS ${rss} MB, heap used ${heap:-?} MB"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A W_RPS W_P50 W_P99 W_ERR C_RPS C_P50 C_P99 C_ERR C_READY C_CPU
STARTS=()

if [[ $WARM == 1 ]]; then
  echo "Starting $JAR on $DATA (-Xms$HEAP -Xmx$HEAP)..."
  start_app perf-warm
  STARTS+=("${HEALTHY_S} s (${CPU_S} s CPU)")
  wait_for_renderings
  sign_in
  count_bugs
  echo "Warm: project $PROJECT has bugs 1..$BUGS; ${WARMUP} s warm-up per kind (all kinds first, so code shared by"
  echo "  several kinds is compiled with all their profiles), then per kind 10 s more and ${SECONDS_} s counted, $CONNECTIONS connections"
  for kind in ${ONLY//,/ }; do
    run_wrk "$kind" "$WARMUP"
  done
  for kind in ${ONLY//,/ }; do
    run_wrk "$kind" 10
    run_wrk "$kind" "$SECONDS_"
    W_RPS[$kind]=$RPS W_P50[$kind]=$P50 W_P99[$kind]=$P99 W_ERR[$kind]=$ERRORS
    echo "  $kind: $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $ERRORS"
  done
  MEMORY_WARM=$(memory)
  if [[ -n "${AFTER_WARM:-}" ]]; then # e.g. timing pages or EXPLAIN on the same warm server
    BASE=$BASE APP_PID=$APP_PID PG_PORT=$(grep -oE 'Embedded PostgreSQL on port [0-9]+' "$DATA/app-perf-warm.log" \
      | grep -oE '[0-9]+$' | head -1) bash -c "$AFTER_WARM" || echo "AFTER_WARM failed" >&2
  fi
  grep -q OutOfMemoryError "$DATA/app-perf-warm.log" && OOM=yes || OOM=no
  stop_app
fi

if [[ $COLD == 1 ]]; then
  echo "Cold: a fresh start per kind, ${COLD_SECONDS} s of load from the moment it is ready"
  for kind in ${ONLY//,/ }; do
    start_app "perf-cold-$kind"
    C_READY[$kind]=$HEALTHY_S C_CPU[$kind]=$CPU_S
    STARTS+=("${HEALTHY_S} s (${CPU_S} s CPU)")
    sign_in
    count_bugs
    run_wrk "$kind" "$COLD_SECONDS"
    C_RPS[$kind]=$RPS C_P50[$kind]=$P50 C_P99[$kind]=$P99 C_ERR[$kind]=$ERRORS
    echo "  $kind: ready after ${HEALTHY_S} s, then $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $ERRORS"
    grep -q OutOfMemoryError "$DATA/app-perf-cold-$kind.log" && OOM=yes
    stop_app
  done
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%.0f%%", 100 * a / b }'; }
mkdir -p bench/results
RESULT="bench/results/perf-$(date +%Y-%m-%d-%H%M%S).md"
{
  echo "# bench/perf.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)'); jar: $JAR"
  echo "- machine: $(nproc) CPUs, $(free -g | awk '/Mem:/{print $2}') GB RAM; load average at the start: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $("$JAVA" -version 2>&1 | head -1); options: $APP_JAVA_OPTS"
  echo "- data: $DATA, project $PROJECT with ${BUGS:-?} bugs; wrk -t$THREADS -c$CONNECTIONS; warm: ${WARMUP} s warm-up + ${SECONDS_} s per kind; cold: the first ${COLD_SECONDS} s after ready"
  echo "- starts (java command to ready, and the JVM's CPU time by then): ${STARTS[*]:-none}"
  [[ $WARM == 1 ]] && echo "- after the warm run: $MEMORY_WARM; OutOfMemoryError in a log: ${OOM:-no}"
  echo
  echo "| request | warm req/s | p50 ms | p99 ms | ratio to /api/me | cold req/s (first ${COLD_SECONDS} s) | cold p50 / p99 ms | cold / warm | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for kind in ${ONLY//,/ }; do
    echo "| $(label "$kind") | ${W_RPS[$kind]:-–} | ${W_P50[$kind]:-–} | ${W_P99[$kind]:-–} | $(ratio "${W_RPS[$kind]:-}" "${W_RPS[me]:-}") | ${C_RPS[$kind]:-–} | ${C_P50[$kind]:-–} / ${C_P99[$kind]:-–} | $(ratio "${C_RPS[$kind]:-}" "${W_RPS[$kind]:-}") | $(( ${W_ERR[$kind]:-0} + ${C_ERR[$kind]:-0} )) |"
  done
} >"$RESULT"
for kind in ${ONLY//,/ }; do   # the same numbers for scripts (bench/curve.sh)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "${BUGS:-}" "${W_RPS[$kind]:-}" "${W_P50[$kind]:-}" "${W_P99[$kind]:-}" \
    "${C_RPS[$kind]:-}" "${C_P99[$kind]:-}"
done >"${RESULT%.md}.tsv"
echo
cat "$RESULT"
echo
echo "Written to $RESULT"
