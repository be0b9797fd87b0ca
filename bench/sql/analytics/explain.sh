#!/usr/bin/env bash
# bench/sql/explain.sh over the analytics queries (bench/sql/analytics/queries.sql), plans saved here by default.
# usage: bench/sql/analytics/explain.sh PG_PORT [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
QUERIES="$here/queries.sql" exec "$here/../explain.sh" "${1:?usage: explain.sh PG_PORT [OUT_DIR]}" "${2:-$here}"
