#!/usr/bin/env bash
# Times the analytics requests over HTTP against a running app on the bench data set (bench/data/generate.sh):
# 5 warm-up calls, then N timed calls per URL; prints p50, p95 and max in ms (curl's time_total).
# usage: bench/sql/analytics/timing.sh APP_PORT [N]     (logs in as admin@bench.fixpoint.test)
set -euo pipefail
PORT=${1:?usage: timing.sh APP_PORT [N]}
N=${2:-30}
BASE="http://localhost:$PORT"
TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"email":"admin@bench.fixpoint.test","password":"fixpoint-bench"}' "$BASE/api/auth/login" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
ORG=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/me" | sed -E 's/.*"organizations":\[\{[^}]*"slug":"([^"]+)".*/\1/')
TODAY=$(date -u +%F)
YEAR_AGO=$(date -u -d "$TODAY - 364 days" +%F)
urls=(
  "/api/projects/STOR/analytics"
  "/api/projects/STOR/analytics?from=$YEAR_AGO&to=$TODAY&interval=week"
  "/api/projects/STOR/analytics?from=$YEAR_AGO&to=$TODAY&interval=day"
  "/api/projects/STOR/analytics?from=$YEAR_AGO&to=$TODAY&interval=week&severity=critical"
  "/api/projects/STOR/analytics?from=$YEAR_AGO&to=$TODAY&interval=month&tag=flaky"
  "/api/orgs/$ORG/analytics?from=$YEAR_AGO&to=$TODAY&interval=week"
  "/api/projects/STOR/analytics/export.pdf?from=$YEAR_AGO&to=$TODAY&interval=week"
)
printf '%-100s %8s %8s %8s\n' url p50 p95 max
for url in "${urls[@]}"; do
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE$url"; done
  times=$(for _ in $(seq "$N"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$url"
  done | awk '{printf "%.1f\n", $1 * 1000}' | sort -n)
  p50=$(echo "$times" | awk -v n="$N" 'NR == int((n + 1) / 2)')
  p95=$(echo "$times" | awk -v n="$N" 'NR == int(n * 0.95 + 0.999)')
  max=$(echo "$times" | tail -1)
  printf '%-100s %8s %8s %8s\n' "${url/$YEAR_AGO/YEAR_AGO}" "$p50" "$p95" "$max"
done
