#!/bin/bash
# old-stages.sh PORT WORD: the list's text stages in STOR before finding 22 (estimate; walk 2,000 or 50,000 bugs;
# all matches sorted), EXPLAIN ANALYZE ms each, against the embedded PostgreSQL on PORT
PORT=$1; W="$2"
q() { psql -X -q -h localhost -p "$PORT" -U postgres -d postgres "$@"; }
P=$(q -At -c "select id from projects where key = 'STOR'")
est=$(q -At -c "explain (format json) select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = '$P' and b.fulltext @@ websearch_to_tsquery('english', '$W')" | grep -o '"Plan Rows": [0-9]*' | head -1 | grep -o '[0-9]*$')
win=2000; [ "$est" -gt 5000 ] && win=50000
out=$(q -At <<SQL
set plan_cache_mode = force_custom_plan;
explain (analyze, format json) select b.id from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = '$P' and true order by b.updated_at desc, b.id desc limit $win) b where b.project_id = '$P' and b.fulltext @@ websearch_to_tsquery('english', '$W') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;
set max_parallel_workers_per_gather = 0;
explain (analyze, buffers, format json) select b.id from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b where b.project_id = '$P' and b.fulltext @@ websearch_to_tsquery('english', '$W') order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;
SQL
)
walk=$(echo "$out" | grep -o '"Execution Time": [0-9.]*' | sed -n 1p | grep -o '[0-9.]*$')
rows=$(echo "$out" | grep -o '"Actual Rows": [0-9.]*' | sed -n 1p | grep -o '[0-9.]*$')
sorted=$(echo "$out" | grep -o '"Execution Time": [0-9.]*' | sed -n 2p | grep -o '[0-9.]*$')
heap=$(echo "$out" | grep -o '"Exact Heap Blocks": [0-9]*' | tail -1 | grep -o '[0-9]*$')
if [ "${rows%.*}" -ge 26 ]; then echo "$W | est $est | walk $win $walk ms (page) | total $walk"; else echo "$W | est $est | walk $win $walk ms (short) + all matches $sorted ms ($heap heap pages) | total $(echo "$walk + $sorted" | bc)"; fi
