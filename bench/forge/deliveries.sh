#!/usr/bin/env bash
# How many signed GitHub deliveries per second the webhook endpoint sustains (verify the HMAC over the raw bytes,
# parse, apply: link the pull request to a bug, resolve it on the first merge): starts the packaged jar on a fresh
# data directory (like bench/run.sh), then runs WebhookBench.java against it. Stops the app and removes the data
# directory afterwards.
#
#   bench/forge/deliveries.sh [--seconds 20] [--concurrency 8] [--bugs 200] [--warmup 5]   (arguments go to WebhookBench)
set -euo pipefail

cd "$(dirname "$0")/../.."
source bench/lib.sh

start_fresh_app forge
"$JAVA" bench/forge/WebhookBench.java --base "$BASE" \
  --payload src/test/resources/forge/github/pull_request.closed-unmerged.json "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
