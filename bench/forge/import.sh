#!/usr/bin/env bash
# Time to import 5,000 GitHub issues (50 pages of 100) of a linked repository from WireMock standing in for GitHub
# Enterprise (bench/forge/github_issues.py writes its mappings: Link headers, labels for priority and severity, every
# 10th issue with two comments fetched apart, every 25th a pull request, 20 people whose names are asked once each).
# Starts WireMock (the wiremock-standalone jar from ~/.m2) and the packaged jar on a fresh data directory, signs up,
# creates a project, links the repository with an access token (POST /api/projects/{key}/integrations), starts the
# import from the link (POST .../integrations/{link}/imports), polls GET /api/imports/{id} until it ends and prints
# the job's own time (started_at → finished_at) and the wall clock, then imports again (the idempotent re-run: every
# issue an update, no duplicate) unless --once. Stops everything it started.
#
#   bench/forge/import.sh [--issues 5000] [--heap 512m] [--rate-limit] [--once]
#
# --rate-limit: the middle page answers 429 with Retry-After: 1 first (the job waits a second and asks again).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
ISSUES=5000 HEAP=512m LIMIT="" ONCE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --issues) ISSUES=$2; shift ;; --heap) HEAP=$2; shift ;; --rate-limit) LIMIT=--rate-limit ;; --once) ONCE=1 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done
for tool in curl jq python3; do command -v $tool >/dev/null || { echo "$tool is not installed" >&2; exit 2; }; done
WIREMOCK_JAR=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/*/wiremock-standalone-*.jar 2>/dev/null | tail -1)
[[ -n "$WIREMOCK_JAR" ]] || { echo "wiremock-standalone is not in ~/.m2 (./mvnw test-compile fetches it)" >&2; exit 2; }

APP_JAVA_OPTS="-Xmx$HEAP"
start_fresh_app forge-import
WM_DIR=$(mktemp -d -t fixpoint-wiremock.XXXXXX)
WM_PORT=$(free_port)
WM="http://127.0.0.1:$WM_PORT"
WM_PID=""
trap 'stop_app; [[ -n "$WM_PID" ]] && kill "$WM_PID" 2>/dev/null; rm -rf "$DATA" "$WM_DIR"' EXIT INT TERM
REPO="bench-org/shop"
python3 bench/forge/github_issues.py "$ISSUES" "$WM_DIR" "$WM" "$REPO" $LIMIT
"$JAVA" -Xmx256m -jar "$WIREMOCK_JAR" --port "$WM_PORT" --root-dir "$WM_DIR" --disable-banner --no-request-journal \
  >"$WM_DIR/wiremock.log" 2>&1 &
WM_PID=$!
for _ in $(seq 1 300); do curl -fsS "$WM/__admin/mappings?limit=1" >/dev/null 2>&1 && break; sleep 0.2; done

json() { curl -fsS -H 'Content-Type: application/json' "$@"; }
TOKEN=$(json -X POST "$BASE/api/auth/signup" -d '{"email": "grace@example.com", "password": "a-long-enough-password",
  "name": "Grace Hopper", "username": "grace"}' | jq -r .token)
AUTH="Authorization: Bearer $TOKEN"
json -H "$AUTH" -X POST "$BASE/api/projects" -d '{"name": "Web shop", "key": "SHOP"}' >/dev/null
LINK=$(json -H "$AUTH" -X POST "$BASE/api/projects/SHOP/integrations" -d "{\"forge\": \"github\", \"repository\": \"$REPO\",
  \"instance_url\": \"$WM\", \"access_token\": \"ghp-bench-token\"}" | jq -r .link.id)

import_once() {
  local t0 id state job
  t0=$(date +%s.%N)
  id=$(json -H "$AUTH" -X POST "$BASE/api/projects/SHOP/integrations/$LINK/imports" -d '{"dry_run": false}' | jq -r .id)
  while :; do
    job=$(curl -fsS -H "$AUTH" "$BASE/api/imports/$id")
    state=$(jq -r .state <<<"$job")
    [[ "$state" == done || "$state" == failed || "$state" == cancelled ]] && break
    sleep 0.5
  done
  local wall; wall=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  jq -r --arg wall "$wall" '"| \(.state) | \(.processed) | \(.created) | \(.updated) | \(.skipped) | \(.comments) | " +
    "\(.warning_count) | \(((.finished_at | sub("\\.[0-9]+Z$"; "Z") | fromdate) - (.started_at | sub("\\.[0-9]+Z$"; "Z") | fromdate))) s | " +
    "\($wall) s | \(.rows_per_second) |" + (if .error then " error: \(.error)" else "" end)' <<<"$job"
}

echo "# Import of $ISSUES GitHub issues ($(( (ISSUES + 99) / 100 )) pages) from WireMock, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, server -Xmx$HEAP${LIMIT:+, one 429}"
echo
echo "| run | state | rows | created | updated | skipped | comments | warnings | job (started → finished) | wall (request → done) | rows/s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
echo "| first $(import_once)"
echo "load average after the first run: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -z "$ONCE" ]]; then
  echo "| again $(import_once)"
  echo "load average after the re-run: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
