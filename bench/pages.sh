#!/usr/bin/env bash
# Times the pages that read more than one bug, signed in, against a running server: each page three times (the first
# call pays for compiling its code), with the app's CPU seconds per call (from /proc, so the machine's load moves it
# less than the wall clock) and the size of the answer. Prints a markdown table.
#
#   BASE=http://127.0.0.1:8080 APP_PID=1234 COOKIE="SESSION=..." TOKEN=... bench/pages.sh [PROJECT]
#   (bench/perf.sh's AFTER_WARM exports all four; bench/curve.sh runs this with PROBE=1)
set -euo pipefail
PROJECT=${1:-${PROJECT:-STOR}}
: "${BASE:?}" "${APP_PID:?}" "${COOKIE:?}" "${TOKEN:?}"
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$APP_PID/stat"; }
PAGES=(
  "GET /api/me (reference)|api|/api/me"
  "My work \`/\`|html|/"
  "board|html|/p/$PROJECT/board"
  "analytics page|html|/p/$PROJECT/analytics"
  "analytics API|api|/api/projects/$PROJECT/analytics"
  "analytics page, a year by week|html|/p/$PROJECT/analytics?from=$(date -u -d '-364 days' +%F)&interval=week"
  "bug list page|html|/p/$PROJECT/bugs"
  "search page \`?q=timeout\`|html|/search?q=timeout"
  "members|html|/p/$PROJECT/members"
  "My work: SLA at risk|html|/my/sla-at-risk"
  "CSV export of the open bugs|html|/p/$PROJECT/bugs/export.csv?status=open"
)
echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| page | status | seconds (1st, 2nd, 3rd) | app CPU s (1st, 2nd, 3rd) | bytes |"
echo "|---|---:|---|---|---:|"
for page in "${PAGES[@]}"; do
  IFS='|' read -r name kind path <<<"$page"
  times=() cpus=()
  for _ in 1 2 3; do
    before=$(cpu)
    if [[ $kind == api ]]; then
      result=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
    else
      result=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "Cookie: $COOKIE" -H 'Accept: text/html' "$BASE$path")
    fi
    read -r status seconds bytes <<<"$result"
    times+=("$(printf '%.2f' "$seconds")")
    cpus+=("$(awk -v a="$before" -v b="$(cpu)" 'BEGIN { printf "%.2f", b - a }')")
  done
  echo "| $name | $status | ${times[0]}, ${times[1]}, ${times[2]} | ${cpus[0]}, ${cpus[1]}, ${cpus[2]} | $bytes |"
done
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
