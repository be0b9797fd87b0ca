#!/usr/bin/env bash
# per-word.sh BASE PG_PORT [N]: for each word of bench/wrk/search.lua, N requests (after 3 not counted) of
# GET /api/projects/STOR/bugs?q=WORD with the bench admin's token, then what PostgreSQL ran for them
# (pg_stat_statements, reset before each word; needs shared_preload_libraries = 'pg_stat_statements' and
# pg_stat_statements.track_planning = on): per request the statements, planning + execution ms and shared buffers,
# Prints one line per word: word | items | statements | mean ms | best ms | buffers.
set -euo pipefail
BASE=$1 PG=$2 N=${3:-20}
export PGPASSWORD=${PGPASSWORD:-postgres}
PSQL=(psql -X -Atq -h localhost -p "$PG" -U postgres -d postgres)
TOKEN=$(curl -fsS -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email": "admin@bench.fixpoint.test", "password": "fixpoint-bench"}' | jq -r .token)
for word in timeout crashes coupon dashboard checkout "session%20expires" invoice deadlock kubernetes; do
  for _ in 1 2 3; do curl -fsS -o /dev/null "$BASE/api/projects/STOR/bugs?q=$word" -H "Authorization: Bearer $TOKEN"; done
  "${PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null
  for _ in $(seq 1 "$N"); do curl -fsS -o /tmp/per-word.json "$BASE/api/projects/STOR/bugs?q=$word" -H "Authorization: Bearer $TOKEN"; done
  items=$(jq '.items | length' /tmp/per-word.json)
  # the request's statements only (not the outbox, the analytics fold, the renderings' backfill): their count,
  # mean planning + execution ms, the same from each statement's best run (min_plan + min_exec: what the work costs
  # without waiting for a core on a loaded machine), shared buffers, all per request
  "${PSQL[@]}" -F ' | ' -c "select '$word', $items as items,
      round(sum(calls)::numeric / $N, 1) as stmts,
      round(sum(total_plan_time + total_exec_time)::numeric / $N, 2) as mean_ms,
      round(sum(calls * (min_plan_time + min_exec_time))::numeric / $N, 2) as best_ms,
      round(sum(shared_blks_hit + shared_blks_read)::numeric / $N) as buf
    from pg_stat_statements where query !~ ('pg_stat_statements|analytics|outbox|bug_texts_html|FOR KEY SHARE|format\\(|p.id as project_id, p.org_id|bug_sla|portal_|status_upd|import_jobs|pg_advisory|instance_settings|api_tokens|sessions')
      and dbid = (select oid from pg_database where datname = 'postgres')"
done
