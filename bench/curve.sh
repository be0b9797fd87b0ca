#!/usr/bin/env bash
# How cost grows with the size of a project: bench/perf.sh (warm only) on data sets of one project each, p50/p99 per
# request kind and size in one table (bench/results/curve-<date>.md).
#
#   bench/curve.sh DIR...            e.g. bench/curve.sh /work/benchdata-10k /work/benchdata-100k /work/benchdata-1m
#   (more perf.sh options through PERF_OPTS, e.g. PERF_OPTS="--warmup 30 --seconds 20")
#
# Make the data sets once with bench/data/generate.sh --bugs N --projects 1 --big-project N --comments 3N.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -gt 0 ]] || { echo "usage: $0 DATA_DIR..." >&2; exit 2; }
KINDS=read,list,search,page,create
declare -A ROW
SIZES=()
for dir in "$@"; do
  out=$(bench/perf.sh --data "$dir" --no-cold --only "$KINDS" ${PERF_OPTS:-} | tee /dev/stderr | sed -n 's/^Written to //p')
  tsv="${out%.md}.tsv"
  size=$(awk -F'\t' 'NR == 1 { print $2 }' "$tsv")
  SIZES+=("$size")
  while IFS=$'\t' read -r kind bugs rps p50 p99 _; do ROW[$kind,$size]="$p50 / $p99"; done <"$tsv"
done
RESULT="bench/results/curve-$(date +%Y-%m-%d-%H%M%S).md"
{
  echo "# bench/curve.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  printf '| p50 / p99 ms |'; for s in "${SIZES[@]}"; do printf ' %s bugs |' "$(printf "%'d" "$s")"; done; echo
  printf '|---|'; for _ in "${SIZES[@]}"; do printf -- '---:|'; done; echo
  for kind in ${KINDS//,/ }; do
    printf '| %s |' "$kind"; for s in "${SIZES[@]}"; do printf ' %s |' "${ROW[$kind,$s]:-–}"; done; echo
  done
} >"$RESULT"
cat "$RESULT"
