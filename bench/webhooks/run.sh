#!/usr/bin/env bash
# Deliveries per second the webhook sender sustains: starts the packaged jar on a fresh data directory (like
# bench/run.sh) with FIXPOINT_WEBHOOK_ALLOW_PRIVATE=true (the receiver is on 127.0.0.1), runs WebhookBench.java
# (compiled with bench/common by run_bench of bench/lib.sh) against it, stops the app and removes the data directory.
#
#   bench/webhooks/run.sh [--bugs 400] [--hooks 4] [--concurrency 8]   (arguments go to WebhookBench)
set -euo pipefail

cd "$(dirname "$0")/../.."
source bench/lib.sh

export FIXPOINT_WEBHOOK_ALLOW_PRIVATE=true
start_fresh_app webhooks
run_bench bench/webhooks/WebhookBench.java --base "$BASE" "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
