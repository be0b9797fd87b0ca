#!/usr/bin/env bash
# Start-up on an existing data directory, several times: per start the wall-clock time from the java command to ready
# (/actuator/health/readiness answers), the JVM's CPU seconds by then (a busy machine moves them much less than the
# wall clock), the load average before and after, and the CPU by thread (main, JIT compilers, GC). With --report the
# app logs where the time went (FIXPOINT_STARTUP_REPORT: platform.StartupReport), and the first start's report is
# printed. The data directory is not changed (nothing is written but what a start writes).
#
#   bench/startup.sh --data DIR [--starts 3] [--jar JAR] [--aot CACHE] [--heap 512m] [--java-opts "..."] [--report]
#
#   --aot CACHE  as in bench/perf.sh: the jar extracted into CACHE.app/ and run with -XX:AOTCache=CACHE, made first by
#                a training run (deploy/aot-training.sh) if CACHE does not exist (JDK >= 25)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
START_TIMEOUT=${START_TIMEOUT:-600}   # a busy machine starts slowly

DATA="" HEAP=512m EXTRA_OPTS="" JAR_ARG=""
STARTS=3 AOT="" REPORT=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --project|--warmup|--seconds|--connections|--threads) unknown_option "$1" ;; # wrk's, no requests here
  esac
  if bench_option "$@"; then shift "$TAKEN"; continue; fi
  case "$1" in
    --starts) needs_value "$@"; STARTS=$2; shift ;; --aot) needs_value "$@"; AOT=$2; shift ;; --report) REPORT=1 ;;
    *) unknown_option "$1" ;;
  esac
  shift
done
[[ $STARTS =~ ^[1-9][0-9]*$ ]] || { echo "--starts must be a number of starts (1 or more)" >&2; exit 2; }
[[ -f "$DATA/postgres/PG_VERSION" ]] || { echo "--data must be a data directory of Fixpoint" >&2; exit 2; }
DATA=$(cd "$DATA" && pwd)
prepare_app startup
if [[ -n "$AOT" ]]; then
  if [[ ! -f "$AOT" ]]; then
    rm -rf "$AOT.app"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$AOT.app" >/dev/null
    echo "Training run for the AOT cache $AOT ..."
    TRAINING_PORT=$(free_port) deploy/aot-training.sh "$JAVA" "$(ls "$AOT".app/*.jar)" "$AOT" >/dev/null
  fi
  JAR=$(ls "$AOT".app/*.jar)
  APP_JAVA_OPTS="$APP_JAVA_OPTS -XX:AOTCache=$AOT"
fi
[[ $REPORT == 1 ]] && APP_JAVA_OPTS="$APP_JAVA_OPTS -Dfixpoint.startup-report=true"

# CPU ms of the app's threads by name (digits at the end left out: "C2 CompilerThread0" and "…1" are one)
threads_cpu() {
  local hz; hz=$(getconf CLK_TCK)
  for t in /proc/"$APP_PID"/task/*; do cat "$t/stat" 2>/dev/null; echo; done | awk -v hz="$hz" 'NF {
      s = $0; sub(/^[0-9]+ \(/, "", s); n = substr(s, 1, index(s, ")") - 1); gsub(/[0-9]+$/, "", n)
      split(substr(s, index(s, ")") + 2), f, " "); cpu[n] += (f[12] + f[13]) * 1000 / hz }
    END { for (n in cpu) if (cpu[n] >= 50) printf "%s\t%d\n", n, cpu[n] }' | sort -t$'\t' -k2 -n -r \
    | awk -F'\t' '{ printf "%s%s %.1f s", (NR > 1 ? ", " : ""), $1, $2 / 1000 } END { print "" }'
}

echo "$(basename "$JAR")${AOT:+ with the AOT cache $AOT}, $JAVA, data $DATA"
echo "| start | ready after | CPU s until ready | load average before → after | CPU by thread |"
echo "|---|---:|---:|---|---|"
for i in $(seq 1 "$STARTS"); do
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  start_app "startup-$i"
  by_thread=$(threads_cpu)
  echo "| $i | ${HEALTHY_S} s | ${CPU_S} | $load_before → $(cut -d' ' -f1 /proc/loadavg) | $by_thread |"
  if [[ $REPORT == 1 && $i == 1 ]]; then
    sleep 1
    sed -n 's/.*StartupReport *: //p' "$DATA/app-startup-1.log" >"$DATA/startup-report.txt"
  fi
  stop_app
done
if [[ $REPORT == 1 ]]; then
  echo; echo "Report of the first start ($DATA/startup-report.txt):"; cat "$DATA/startup-report.txt"
fi
