#!/usr/bin/env bash
# How fast a notification reaches the bell while bugs are filed under load: starts the packaged jar on a fresh data
# directory (like bench/run.sh), then runs BellLatency.java against it: writers file bugs assigned to a watcher as
# fast as they can, the watcher polls its notification API, and the time from each filing to its notification
# showing up is reported (p50/p90/p99/max). Stops the app and removes the data directory afterwards.
#
#   bench/outbox/bell.sh [--seconds 20] [--concurrency 8] [--poll-ms 20] [--warmup 10]   (arguments go to BellLatency)
#   JAR_ARG=/path/other.jar BENCH_PORT=18200 bench/outbox/bell.sh     (another jar, a fixed port)
set -euo pipefail

cd "$(dirname "$0")/../.."
source bench/lib.sh

start_fresh_app bell
"$JAVA" bench/outbox/BellLatency.java --base "$BASE" "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
