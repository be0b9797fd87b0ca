-- analytics_fold() (V47) as before, but only for the rollups that have deltas: every fold ran its ten dynamic
-- statements, each parsed and planned anew (EXECUTE), even with nothing to fold: ~8 ms of database CPU every second
-- on an idle or read-only server (pg_stat_statements during the bug page's benchmark: 14 folds, 113 ms). Whether a
-- rollup has deltas is asked beside its keys in the loop's own query, which is static SQL (planned once per session);
-- a delta committed after it is folded by the next fold, and counts in the views meanwhile.
create or replace function analytics_fold() returns bigint language plpgsql as $$
declare
    r record;
    folded bigint := 0;
    n bigint;
begin
    for r in select * from (values
        ('analytics_daily', 'project_id, day, severity, component_id', array['created', 'resolved', 'reopened'],
         exists (select 1 from analytics_daily_delta)),
        ('analytics_daily_tags', 'project_id, day, tag, severity, component_id', array['created', 'resolved', 'reopened'],
         exists (select 1 from analytics_daily_tags_delta)),
        ('analytics_tag_days', 'project_id, day, tag', array['created', 'resolved', 'reopened'],
         exists (select 1 from analytics_tag_days_delta)),
        ('analytics_status_time', 'project_id, day, status, severity, component_id', array['stretches', 'seconds'],
         exists (select 1 from analytics_status_time_delta)),
        ('analytics_status_days', 'project_id, day, status', array['stretches', 'seconds'],
         exists (select 1 from analytics_status_days_delta)),
        ('analytics_status_time_tags', 'project_id, day, tag, status, severity, component_id',
         array['stretches', 'seconds'], exists (select 1 from analytics_status_time_tags_delta)),
        ('analytics_open', 'project_id, severity, component_id, priority, status', array['n'],
         exists (select 1 from analytics_open_delta)),
        ('analytics_open_assignees', 'project_id, assignee_id, severity, status', array['n'],
         exists (select 1 from analytics_open_assignees_delta)),
        ('analytics_open_days', 'project_id, day, severity, component_id', array['n'],
         exists (select 1 from analytics_open_days_delta)),
        ('analytics_open_tags', 'project_id, tag, severity, component_id', array['n'],
         exists (select 1 from analytics_open_tags_delta))) v (rollup, keys, counters, pending)
        where v.pending
    loop
        execute format($sql$
            with d as (delete from %1$I returning *),
            f as (
                insert into %2$I as t (%3$s, %4$s)
                select %3$s, %5$s from d
                where exists (select 1 from projects p where p.id = d.project_id)
                group by %3$s
                having %6$s
                order by %3$s
                on conflict (%3$s) do update set %7$s
            )
            select count(*) from d
            $sql$, r.rollup || '_delta', r.rollup || '_folded', r.keys,
            (select string_agg(format('%I', c), ', ') from unnest(r.counters) c),
            (select string_agg(format('sum(%I)', c), ', ') from unnest(r.counters) c),
            (select string_agg(format('sum(%I) <> 0', c), ' or ') from unnest(r.counters) c),
            (select string_agg(format('%1$I = t.%1$I + excluded.%1$I', c), ', ') from unnest(r.counters) c))
        into n;
        folded := folded + n;
    end loop;
    return folded;
end
$$;
