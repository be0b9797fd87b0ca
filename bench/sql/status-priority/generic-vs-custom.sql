select id as stor from projects where key='STOR' \gset
prepare a(uuid, text, text, int) as select b.id from bugs b join projects p on p.id = b.project_id where b.project_id = $1 and b.status in ($2) and b.priority in ($3) order by b.updated_at desc, b.id desc limit $4;
prepare c(uuid, text, text) as select b.id from bugs b join projects p on p.id = b.project_id where b.project_id = $1 and b.status in ($2) and b.priority in ($3) order by b.updated_at desc, b.id desc limit 26;
\o /dev/null
execute a(:'stor','open','P0',26); execute a(:'stor','open','P1',26); execute a(:'stor','resolved','P2',26); execute a(:'stor','open','P3',26); execute a(:'stor','in_progress','P0',26); execute a(:'stor','open','P2',26); execute a(:'stor','open','P0',26);
execute c(:'stor','open','P0'); execute c(:'stor','open','P1'); execute c(:'stor','resolved','P2'); execute c(:'stor','open','P3'); execute c(:'stor','in_progress','P0'); execute c(:'stor','open','P2'); execute c(:'stor','open','P0');
\o
select name, generic_plans, custom_plans from pg_prepared_statements;
explain (costs on) execute a(:'stor','open','P0',26);
explain (costs on) execute c(:'stor','open','P0');
