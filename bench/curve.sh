#!/usr/bin/env bash
# How cost grows with the size of a project: bench/perf.sh (warm only) on data sets of one project each, p50/p99 per
# request kind and size in one table, the same against GET /api/me of the same run (the machine's load moves both),
# and per run the load average, the app's heap and its garbage collection (bench/results/curve-<date>.md).
#
#   bench/curve.sh DIR...            e.g. bench/curve.sh /work/benchdata-10k /work/benchdata-100k /work/benchdata-1m
#   bench/curve.sh RESULT.md...      the table again from earlier runs (bench/results/perf-*.md of this script's runs:
#                                    one per size, e.g. run apart on a busy machine), or DIRs and RESULTs mixed
#   env: PERF_OPTS    more perf.sh options, e.g. PERF_OPTS="--warmup 30 --seconds 20 --heap 512m --jar app.jar"
#        CURVE_KINDS  the request kinds (default me,read,list,search,page,create; me is the ratios' reference)
#        PROBE=1      after the warm run, on the same server: bench/pages.sh (My work, board, analytics, ... timed),
#                     EXPLAIN (ANALYZE, BUFFERS) of bench/sql/curve/queries.sql and bench/cpu-per-request.sh (CPU ms
#                     per request, app and database: what a loaded machine moves least), all into the table's file
#
# The app runs with perf.sh's heap (-Xms512m -Xmx512m unless --heap) and -Xlog:gc into DIR/gc-curve.log; the table counts its
# pauses, full collections and the heap left after the last one. A list or search whose p99 (against /api/me) grows
# faster than the logarithm of the project's size reads something proportional to the project: a finding.
#
# Make the data sets once with bench/data/generate.sh --bugs N --projects 1 --big-project N --comments 3N.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -gt 0 ]] || { echo "usage: $0 DATA_DIR|PERF_RESULT.md..." >&2; exit 2; }
KINDS=${CURVE_KINDS:-me,read,list,search,page,create}
declare -A ROW RATIO P50 P99
SIZES=() RUNS=() PROBES=()
for arg in "$@"; do
  if [[ -f "$arg" && "$arg" == *.md ]]; then # a perf.sh result of an earlier run (made by this script: its GC log)
    out=$arg
    gclog="$(sed -n 's/^- data: \([^,]*\),.*/\1/p' "$out")/gc-curve.log"
  else
    gclog="$(cd "$arg" && pwd)/gc-curve.log"
    rm -rf "$gclog" "$arg/pages-curve.md" "$arg/explain-curve.txt" "$arg/explain-curve" "$arg/cpu-curve.md"
    after=""
    if [[ ${PROBE:-0} == 1 ]]; then # the pages and the plans, on the warm server
      dir=$(cd "$arg" && pwd)
      after="bench/pages.sh >'$dir/pages-curve.md'; QUERIES='$PWD/bench/sql/curve/queries.sql' bench/sql/explain.sh \
        \"\$PG_PORT\" '$dir/explain-curve' >'$dir/explain-curve.txt'; bench/cpu-per-request.sh --base \"\$BASE\" \
        --server-pid \"\$APP_PID\" --data '$dir' --kinds me,read,list,search,page --seconds 10 --warmup 5 \
        | sed -n '/^|/p' >'$dir/cpu-curve.md'"
    fi
    # shellcheck disable=SC2086 # PERF_OPTS is a list of options
    out=$(AFTER_WARM=$after bench/perf.sh --data "$arg" --no-cold --only "$KINDS" --java-opts "-Xlog:gc:file=$gclog" \
      ${PERF_OPTS:-} | tee /dev/stderr | sed -n 's/^Written to //p')
  fi
  tsv="${out%.md}.tsv"
  size=$(awk -F'\t' 'NR == 1 { print $2 }' "$tsv")
  SIZES+=("$size")
  while IFS=$'\t' read -r kind _ _ p50 p99 _; do
    ROW[$kind,$size]="$p50 / $p99"; P50[$kind,$size]=$p50; P99[$kind,$size]=$p99
  done <"$tsv"
  load=$(sed -n 's/.*load average at the start: \(.*\), at the end: \(.*\)$/\1 → \2/p' "$out")
  memory=$(sed -n 's/^- after the warm run: //p' "$out")
  # -Xlog:gc lines: "[..][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M) 3.456ms"
  gc=$(awk '/Pause/ && / [0-9.]+ms$/ { n++; ms = $NF; sub("ms", "", ms); ms += 0; t += ms; if (ms > max) max = ms;
      if (/Pause Full/) full++; h = $(NF - 1) }
    END { printf "%d pauses, %.0f ms in all, longest %.0f ms, %d full; last: %s", n, t, max, full, h }' "$gclog")
  RUNS+=("$(printf "%'d" "$size") bugs: load average $load; $memory; GC: $gc; $out")
  data=$(sed -n 's/^- data: \([^,]*\),.*/\1/p' "$out")
  [[ -f "$data/pages-curve.md" ]] && PROBES+=("### $(printf "%'d" "$size") bugs: pages (bench/pages.sh)" "" "$(cat "$data/pages-curve.md")" "")
  [[ -f "$data/cpu-curve.md" ]] && PROBES+=("### $(printf "%'d" "$size") bugs: CPU per request (bench/cpu-per-request.sh)" "" "$(cat "$data/cpu-curve.md")" "")
  [[ -f "$data/explain-curve.txt" ]] && PROBES+=("### $(printf "%'d" "$size") bugs: plans (bench/sql/curve/queries.sql, $data/explain-curve/)" "" '```' "$(cat "$data/explain-curve.txt")" '```' "")
done
for s in "${SIZES[@]}"; do
  for kind in ${KINDS//,/ }; do
    RATIO[$kind,$s]=$(awk -v a="${P50[$kind,$s]:-}" -v b="${P99[$kind,$s]:-}" -v ma="${P50[me,$s]:-}" \
      -v mb="${P99[me,$s]:-}" 'BEGIN { if (a == "" || ma == "" || ma == 0 || mb == 0) print "–";
        else printf "%.1f / %.1f", a / ma, b / mb }')
  done
done
first=${SIZES[0]} last=${SIZES[-1]}
growth() { # p99 against /api/me at the largest size over the smallest, and what the logarithm of the sizes allows
  awk -v a="${P99[$1,$first]:-}" -v b="${P99[$1,$last]:-}" -v ma="${P99[me,$first]:-}" -v mb="${P99[me,$last]:-}" \
    -v s="$first" -v t="$last" 'BEGIN { if (a == "" || b == "" || ma == "" || mb == "" || a == 0 || mb == 0) { print "–"; exit }
      g = (b / mb) / (a / ma); l = log(t) / log(s); printf "×%.2f (log: ×%.2f)%s", g, l, (g > l ? " **faster**" : "") }'
}
RESULT="bench/results/curve-$(date +%Y-%m-%d-%H%M%S).md"
{
  echo "# bench/curve.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  printf '| p50 / p99 ms |'; for s in "${SIZES[@]}"; do printf ' %s bugs |' "$(printf "%'d" "$s")"; done
  printf ' p99 against /api/me, %s → %s bugs |\n' "$(printf "%'d" "$first")" "$(printf "%'d" "$last")"
  printf '|---|'; for _ in "${SIZES[@]}"; do printf -- '---:|'; done; printf -- '---:|\n'
  for kind in ${KINDS//,/ }; do
    printf '| %s |' "$kind"; for s in "${SIZES[@]}"; do printf ' %s |' "${ROW[$kind,$s]:-–}"; done
    printf ' %s |\n' "$([[ $kind == me ]] && echo – || growth "$kind")"
  done
  echo
  printf '| p50 / p99 ÷ /api/me |'; for s in "${SIZES[@]}"; do printf ' %s bugs |' "$(printf "%'d" "$s")"; done; echo
  printf '|---|'; for _ in "${SIZES[@]}"; do printf -- '---:|'; done; echo
  for kind in ${KINDS//,/ }; do
    [[ $kind == me ]] && continue
    printf '| %s |' "$kind"; for s in "${SIZES[@]}"; do printf ' %s |' "${RATIO[$kind,$s]:-–}"; done; echo
  done
  echo
  for run in "${RUNS[@]}"; do echo "- $run"; done
  echo
  for line in "${PROBES[@]}"; do echo "$line"; done
} >"$RESULT"
cat "$RESULT"
