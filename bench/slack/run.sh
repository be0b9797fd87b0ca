#!/usr/bin/env bash
# Messages per second the Slack sender sustains: picks a free port for a fake Slack Web API, starts the packaged
# jar on a fresh data directory (like bench/run.sh) with FIXPOINT_SLACK_API_URL pointing at it, runs SlackBench.java
# (compiled with bench/common by run_bench of bench/lib.sh; it serves the fake Slack on that port and drives the app), stops the app and removes the data directory.
# Everything stays on 127.0.0.1.
#
#   bench/slack/run.sh [--bugs 300] [--channels 3] [--concurrency 8] [--limit-every 0]   (arguments go to SlackBench)
#   FIXPOINT_OUTBOX_NETWORK_WORKERS=8 bench/slack/run.sh                                  (the sender's threads, default 4)
set -euo pipefail

cd "$(dirname "$0")/../.."
source bench/lib.sh

SLACK_PORT=$(free_port)
export FIXPOINT_SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api"
start_fresh_app slack
run_bench bench/slack/SlackBench.java --base "$BASE" --slack-port "$SLACK_PORT" "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
