#!/usr/bin/env bash
# Runs every query of bench/sql/queries.sql (or of $QUERIES, e.g. bench/sql/analytics/explain.sh's) with EXPLAIN (ANALYZE, BUFFERS) against a loaded database and saves
# each plan to <out-dir>/explain-<name>.txt (each query runs once first, so the saved plan is a warm-cache one).
# Prints a one-line summary per query: execution time and the scans of the plan.
#
# usage: bench/sql/explain.sh PG_PORT [OUT_DIR]      (embedded PostgreSQL: user/password postgres, database postgres)
#   e.g. PG_PORT from the app log line "Embedded PostgreSQL on port N"
set -euo pipefail
cd "$(dirname "$0")"
PORT=${1:?usage: explain.sh PG_PORT [OUT_DIR]}
OUT=${2:-.}
QUERIES=${QUERIES:-queries.sql}
mkdir -p "$OUT"
export PGPASSWORD=${PGPASSWORD:-postgres}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${PGHOST:-localhost}" -p "$PORT" -U "${PGUSER:-postgres}" -d "${PGDATABASE:-postgres}")

prelude=$(sed -n '/^-- prelude/,/^-- end prelude/p' "$QUERIES")
names=$(grep -oP '^-- name: \K\S+' "$QUERIES")
for name in $names; do
  query=$(awk -v n="$name" '$0 == "-- name: " n {on=1; next} /^-- name: / {on=0} on' "$QUERIES" | sed '/^$/d')
  file="$OUT/explain-$name.txt"
  {
    echo "$prelude"
    echo "\\o /dev/null"
    echo "explain (analyze, buffers) $query"
    echo "\\o $file"
    echo "\\qecho '-- $name'"
    echo "\\qecho '$(echo "$query" | tr '\n' ' ' | sed "s/'/''/g")'"
    echo "explain (analyze, buffers) $query"
  } | "${PSQL[@]}"
  time=$(grep -oP 'Execution Time: \K[0-9.]+' "$file")
  scans=$(grep -oP '(Parallel )?(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)?( using \S+)? on \S+' "$file" \
    | sed -E 's/ using / /; s/ on (\S+)$/ (\1)/' | sort -u | paste -sd ';' -)
  sorts=$(grep -oP 'Sort Method: \K.*' "$file" | head -1 || true)
  printf '%-40s %10s ms  %s%s\n' "$name" "$time" "$scans" "${sorts:+  [sort: $sorts]}"
done
