#!/usr/bin/env bash
# Load with wrk (a C load generator: a few % of a core, so nearly all of a small machine goes to the server).
#   bench/wrk/run.sh [--base URL] [--email E] [--password P] [--project KEY] [--seconds N] [--connections N]
#                    [--only read,list,create] [--server-pid PID]
# Defaults: the bench data set (bench/data) on http://localhost:8090, 30 s per phase, 4 connections.
# Phases (one .lua each): me (GET /api/me, the ceiling), read, page (the bug page, HTML, signed in through the
# login form), list, filtered (status+priority, sort=-updated, 25 rows), search (full text), create.
# --server-pid: a server on this machine; adds its CPU time per request (from /proc) to each row.
# Needs wrk (Debian: apt-get install wrk) and curl. Prints one markdown row per phase.
set -euo pipefail
cd "$(dirname "$0")"
BASE=http://localhost:8090 EMAIL=admin@bench.fixpoint.test PASSWORD=fixpoint-bench PROJECT=STOR DURATION=30
CONNECTIONS=4 ONLY=read,list,create SERVER_PID=
while [ $# -gt 1 ]; do
  case "$1" in
    --base) BASE=$2 ;; --email) EMAIL=$2 ;; --password) PASSWORD=$2 ;; --project) PROJECT=$2 ;;
    --seconds) DURATION=$2 ;; --connections) CONNECTIONS=$2 ;; --only) ONLY=$2 ;; --server-pid) SERVER_PID=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
case "$BASE" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load $BASE: only loopback addresses" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
LOGIN=$(curl -sf -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\": \"$EMAIL\", \"password\": \"$PASSWORD\"}")
TOKEN=$(sed -E 's/.*"token" *: *"([^"]+)".*/\1/' <<<"$LOGIN")
SESSION=
if [[ ",$ONLY," == *,page,* ]]; then # a browser's session: the login form with its CSRF token
  JAR=$(mktemp)
  trap 'rm -f "$JAR"' EXIT
  CSRF=$(curl -sf -c "$JAR" -b "$JAR" "$BASE/login" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
  curl -sf -o /dev/null -c "$JAR" -b "$JAR" -X POST "$BASE/login" --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF"
  SESSION=$(awk '$6 == "SESSION" {print $7}' "$JAR")
fi
export TOKEN PROJECT SESSION
cpu_ticks() { [[ -n "$SERVER_PID" ]] && awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" || echo 0; }
echo "wrk against $BASE, project $PROJECT, $CONNECTIONS connections, ${DURATION}s per phase, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| phase | requests | req/s | p50 ms | p90 ms | p99 ms | errors | server CPU ms/request |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
ms() { # wrk prints 812.00us, 1.23ms, 2.01s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0;
    else if (v ~ /s$/) printf "%.0f", v * 1000; else print v }'
}
for phase in ${ONLY//,/ }; do
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$phase.lua" "$BASE" 2>&1)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p90=$(ms "$(awk '$1 == "90%" {print $2}' <<<"$out")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  # answers other than 2xx/3xx, and connect/read/write errors and timeouts
  errors=$(awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  cpu=$(awk -v t="$(( $(cpu_ticks) - before ))" -v n="$requests" -v hz="$(getconf CLK_TCK)" -v pid="$SERVER_PID" \
    'BEGIN { if (pid == "" || n == 0) print "–"; else printf "%.3f", t * 1000 / hz / n }')
  echo "| $phase | $requests | $rps | $p50 | $p90 | $p99 | $errors | $cpu |"
done
