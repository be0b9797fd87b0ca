#!/usr/bin/env bash
# Two running servers side by side (A and B: e.g. main and a branch, each on its own copy of a data set), request
# kinds alternated between them round by round, so both meet the same minutes of a shared machine: per round wrk
# -t2 -c8 --latency (req/s, p50, p99) and the server's CPU ms per request from /proc (its JIT and background work
# included: compare servers of about the same age and warm-up). Compare each server's kinds with each other
# (read against /api/me), then those ratios between the servers.
#
#   BASE_A=http://127.0.0.1:8094 PID_A=... TOKEN_A=... BASE_B=http://127.0.0.1:18094 PID_B=... TOKEN_B=... \
#     bench/ab.sh [--rounds 4] [--seconds 15] [--kinds "me read"]
# Tab-separated rows on stdout: time, server, kind, req/s, p50, p99, CPU ms/request, load average. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/wrk"
ROUNDS=4 SECS=15 KINDS="me read"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift ;; --seconds) SECS=$2; shift ;; --kinds) KINDS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
HZ=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
round() { # server base pid token kind
  local out a0 a1 n
  a0=$(ticks "$3")
  out=$(TOKEN=$4 PROJECT=${PROJECT:-STOR} BUGS=${BUGS:-100000} wrk -t2 -c8 -d"${SECS}s" --latency --timeout 10s \
    -s "$5.lua" "$2" 2>&1)
  a1=$(ticks "$3")
  n=$(awk '/requests in/ { print $1 }' <<<"$out")
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%.3f\t%s\n" "$(date -u +%H:%M:%S)" "$1" "$5" \
    "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
    "$(awk '$1 == "99%" { print $2 }' <<<"$out")" \
    "$(awk -v t=$((a1 - a0)) -v hz="$HZ" -v n="$n" 'BEGIN { print t * 1000 / hz / n }')" "$(cut -d' ' -f1 /proc/loadavg)"
}
echo -e "time\tserver\tkind\treq/s\tp50\tp99\tCPU ms/req\tload"
for r in $(seq 1 "$ROUNDS"); do
  for kind in $KINDS; do
    round A "$BASE_A" "$PID_A" "$TOKEN_A" "$kind"
    round B "$BASE_B" "$PID_B" "$TOKEN_B" "$kind"
  done
done
