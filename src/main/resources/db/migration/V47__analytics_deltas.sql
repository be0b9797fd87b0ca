-- Analytics counts without row locks in the writer's transaction (bench/README.md, "Filing counts into deltas").
-- Every filing used to upsert the same few rollup rows (today's analytics_open_days row of its severity, its
-- analytics_open and analytics_daily rows): each upsert locked its row until the filing committed, so the filings of
-- one severity went one at a time (92% of their time waiting on Lock:transactionid, ~290 filings/s on 2 cores).
--
-- Now each rollup R is three relations:
--   R_folded  the table it was (renamed; its primary key, foreign key and indexes stay),
--   R_delta   the same columns without a key: the trigger on bugs and AnalyticsRollups only insert here (no conflict,
--             no lock), in the writer's transaction, so a count still commits or rolls back with its change,
--   R         a view, R_folded union all R_delta: every reader (reports, My work's counts, the weekly email, the
--             operator's psql) reads the same name as before and sums, so it is exact the moment a change commits.
-- analytics_fold() moves the deltas into R_folded, each delta deleted by the statement that adds it (delete ... returning
-- into the upsert): a delta counts exactly once, and a fold that fails or rolls back leaves its deltas where they were.
-- The analytics module runs it every second on one node at a time (RollupDeltas, pg_try_advisory_xact_lock).
-- Deltas carry no foreign key (an insert checks nothing); a fold drops those of a project deleted since.
do $$
declare
    rollup text;
begin
    foreach rollup in array array['analytics_daily', 'analytics_daily_tags', 'analytics_tag_days', 'analytics_status_time',
        'analytics_status_days', 'analytics_status_time_tags', 'analytics_open', 'analytics_open_assignees',
        'analytics_open_days', 'analytics_open_tags'] loop
        execute format('alter table %I rename to %I', rollup, rollup || '_folded');
        -- same columns in the same order, so the view's two halves line up
        execute format('create table %I (like %I including defaults)', rollup || '_delta', rollup || '_folded');
        execute format('create view %I as select * from %I union all select * from %I', rollup, rollup || '_folded',
                       rollup || '_delta');
    end loop;
end $$;

-- Folds every delta row there is into its rollup; returns how many delta rows it folded. Keys and counters per rollup
-- are fixed here; rows are upserted in key order (the rebuild is the only other writer of R_folded).
create function analytics_fold() returns bigint language plpgsql as $$
declare
    r record;
    folded bigint := 0;
    n bigint;
begin
    for r in select * from (values
        ('analytics_daily', 'project_id, day, severity, component_id', array['created', 'resolved', 'reopened']),
        ('analytics_daily_tags', 'project_id, day, tag, severity, component_id', array['created', 'resolved', 'reopened']),
        ('analytics_tag_days', 'project_id, day, tag', array['created', 'resolved', 'reopened']),
        ('analytics_status_time', 'project_id, day, status, severity, component_id', array['stretches', 'seconds']),
        ('analytics_status_days', 'project_id, day, status', array['stretches', 'seconds']),
        ('analytics_status_time_tags', 'project_id, day, tag, status, severity, component_id',
         array['stretches', 'seconds']),
        ('analytics_open', 'project_id, severity, component_id, priority, status', array['n']),
        ('analytics_open_assignees', 'project_id, assignee_id, severity, status', array['n']),
        ('analytics_open_days', 'project_id, day, severity, component_id', array['n']),
        ('analytics_open_tags', 'project_id, tag, severity, component_id', array['n'])) v (rollup, keys, counters)
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

-- The trigger on bugs (V19 for updates, V23 for inserts and deletes): the same counts, into the deltas.
create or replace function analytics_open_move(o bugs, n bugs) returns void language sql as $$
    insert into analytics_open_delta (project_id, severity, component_id, priority, status, n)
    select project_id, severity, component_id, priority, status, sum(d)
    from (select (o).project_id, (o).severity, coalesce((o).component_id, '00000000-0000-0000-0000-000000000000'),
                 (o).priority, (o).status, -1 as d
          where (o).id is not null and (o).resolved_at is null
          union all
          select (n).project_id, (n).severity, coalesce((n).component_id, '00000000-0000-0000-0000-000000000000'),
                 (n).priority, (n).status, 1
          where (n).id is not null and (n).resolved_at is null) c (project_id, severity, component_id, priority,
                                                                  status, d)
    group by 1, 2, 3, 4, 5 having sum(d) <> 0;

    insert into analytics_open_assignees_delta (project_id, assignee_id, severity, status, n)
    select project_id, assignee_id, severity, status, sum(d)
    from (select (o).project_id, (o).assignee_id, (o).severity, (o).status, -1 as d
          where (o).id is not null and (o).resolved_at is null and (o).assignee_id is not null
          union all
          select (n).project_id, (n).assignee_id, (n).severity, (n).status, 1
          where (n).id is not null and (n).resolved_at is null and (n).assignee_id is not null)
         c (project_id, assignee_id, severity, status, d)
    group by 1, 2, 3, 4 having sum(d) <> 0;

    insert into analytics_open_days_delta (project_id, day, severity, component_id, n)
    select project_id, day, severity, component_id, sum(d)
    from (select (o).project_id, ((o).created_at at time zone 'UTC')::date, (o).severity,
                 coalesce((o).component_id, '00000000-0000-0000-0000-000000000000'), -1 as d
          where (o).id is not null and (o).resolved_at is null
          union all
          select (n).project_id, ((n).created_at at time zone 'UTC')::date, (n).severity,
                 coalesce((n).component_id, '00000000-0000-0000-0000-000000000000'), 1
          where (n).id is not null and (n).resolved_at is null) c (project_id, day, severity, component_id, d)
    group by 1, 2, 3, 4 having sum(d) <> 0;

    insert into analytics_open_tags_delta (project_id, tag, severity, component_id, n)
    select project_id, tag, severity, component_id, sum(d)
    from (select distinct (o).project_id, tag, (o).severity,
                 coalesce((o).component_id, '00000000-0000-0000-0000-000000000000'::uuid), -1 as d
          from unnest((o).tags) tag
          where (o).id is not null and (o).resolved_at is null
          union all
          select distinct (n).project_id, tag, (n).severity,
                 coalesce((n).component_id, '00000000-0000-0000-0000-000000000000'::uuid), 1
          from unnest((n).tags) tag
          where (n).id is not null and (n).resolved_at is null) c (project_id, tag, severity, component_id, d)
    group by 1, 2, 3, 4 having sum(d) <> 0;
$$;

create or replace function analytics_open_count_rows() returns trigger language plpgsql as $$
declare
    -- the transition table is named "changed" by both triggers: the inserted rows count up, the deleted ones down
    d integer := case when tg_op = 'INSERT' then 1 else -1 end;
begin
    insert into analytics_open_delta (project_id, severity, component_id, priority, status, n)
    select project_id, severity, coalesce(component_id, '00000000-0000-0000-0000-000000000000'), priority, status,
           d * count(*)
    from changed c
    where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4, 5;

    insert into analytics_open_assignees_delta (project_id, assignee_id, severity, status, n)
    select project_id, assignee_id, severity, status, d * count(*)
    from changed c
    where c.resolved_at is null and c.assignee_id is not null
      and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4;

    insert into analytics_open_days_delta (project_id, day, severity, component_id, n)
    select project_id, (created_at at time zone 'UTC')::date, severity,
           coalesce(component_id, '00000000-0000-0000-0000-000000000000'), d * count(*)
    from changed c
    where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4;

    insert into analytics_open_tags_delta (project_id, tag, severity, component_id, n)
    select c.project_id, g.tag, c.severity, coalesce(c.component_id, '00000000-0000-0000-0000-000000000000'),
           d * count(*)
    from changed c cross join lateral (select distinct unnest(c.tags) as tag) g
    where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4;
    return null;
end
$$;

-- The rebuild (V36) writes the folded rollups and empties the deltas.
create or replace function analytics_rebuild() returns void language plpgsql as $$
begin
    -- the folded rollups and the deltas not yet folded: the bugs and their history are the whole truth
    truncate analytics_daily_folded, analytics_daily_tags_folded, analytics_status_time_folded, analytics_open_folded,
        analytics_open_assignees_folded, analytics_open_days_folded, analytics_open_tags_folded,
        analytics_tag_days_folded, analytics_status_days_folded, analytics_status_time_tags_folded,
        analytics_daily_delta, analytics_daily_tags_delta, analytics_status_time_delta, analytics_open_delta,
        analytics_open_assignees_delta, analytics_open_days_delta, analytics_open_tags_delta, analytics_tag_days_delta,
        analytics_status_days_delta, analytics_status_time_tags_delta;
    drop table if exists pg_temp.analytics_status_moves, pg_temp.analytics_events;
    create temporary table analytics_status_moves on commit drop as
    select b.id as bug_id, b.project_id, b.severity, coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid)
               as component_id, b.tags, h.old_value as from_status, h.new_value as to_status, h.created_at as at,
           coalesce(lag(h.created_at) over (partition by h.bug_id order by h.id), b.created_at) as entered_at,
           analytics_is_done(p.workflow, h.old_value) as from_done, analytics_is_done(p.workflow, h.new_value) as to_done
    from bug_history h
    join bugs b on b.id = h.bug_id
    join projects p on p.id = b.project_id
    where h.field = 'status';

    -- one row per bug event: created, resolved (into done; or resolved_at for a bug done without such a history entry),
    -- reopened
    create temporary table analytics_events on commit drop as
    select project_id, (created_at at time zone 'UTC')::date as day, severity,
           coalesce(component_id, '00000000-0000-0000-0000-000000000000'::uuid) as component_id, tags,
           1 as created, 0 as resolved, 0 as reopened
    from bugs
    union all
    select project_id, (at at time zone 'UTC')::date, severity, component_id, tags,
           0, case when to_done and not from_done then 1 else 0 end, case when from_done and not to_done then 1 else 0 end
    from analytics_status_moves
    where to_done <> from_done
    union all
    select b.project_id, (b.resolved_at at time zone 'UTC')::date, b.severity,
           coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid), b.tags, 0, 1, 0
    from bugs b
    where b.resolved_at is not null
      and not exists (select 1 from analytics_status_moves m where m.bug_id = b.id and m.to_done and not m.from_done);

    insert into analytics_daily_folded (project_id, day, severity, component_id, created, resolved, reopened)
    select project_id, day, severity, component_id, sum(created), sum(resolved), sum(reopened)
    from analytics_events
    group by 1, 2, 3, 4;

    insert into analytics_daily_tags_folded (project_id, day, tag, severity, component_id, created, resolved, reopened)
    select e.project_id, e.day, t.tag, e.severity, e.component_id, sum(e.created), sum(e.resolved), sum(e.reopened)
    from analytics_events e
    cross join lateral (select distinct unnest(e.tags) as tag) t
    group by 1, 2, 3, 4, 5;

    insert into analytics_status_time_folded (project_id, day, status, severity, component_id, stretches, seconds)
    select project_id, (at at time zone 'UTC')::date, from_status, severity, component_id, count(*),
           sum(greatest(extract(epoch from (at - entered_at)), 0))
    from analytics_status_moves
    where from_status is not null
    group by 1, 2, 3, 4, 5;
    insert into analytics_open_folded (project_id, severity, component_id, priority, status, n)
    select project_id, severity, coalesce(component_id, '00000000-0000-0000-0000-000000000000'), priority, status, count(*)
    from bugs where resolved_at is null
    group by 1, 2, 3, 4, 5;

    insert into analytics_open_assignees_folded (project_id, assignee_id, severity, status, n)
    select project_id, assignee_id, severity, status, count(*)
    from bugs where resolved_at is null and assignee_id is not null
    group by 1, 2, 3, 4;

    insert into analytics_open_days_folded (project_id, day, severity, component_id, n)
    select project_id, (created_at at time zone 'UTC')::date, severity,
           coalesce(component_id, '00000000-0000-0000-0000-000000000000'), count(*)
    from bugs where resolved_at is null
    group by 1, 2, 3, 4;

    insert into analytics_open_tags_folded (project_id, tag, severity, component_id, n)
    select b.project_id, t.tag, b.severity, coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'), count(*)
    from bugs b cross join lateral (select distinct unnest(b.tags) as tag) t
    where b.resolved_at is null
    group by 1, 2, 3, 4;

    insert into analytics_tag_days_folded (project_id, day, tag, created, resolved, reopened)
    select project_id, day, tag, sum(created), sum(resolved), sum(reopened)
    from analytics_daily_tags_folded
    group by 1, 2, 3;

    insert into analytics_status_days_folded (project_id, day, status, stretches, seconds)
    select project_id, day, status, sum(stretches), sum(seconds)
    from analytics_status_time_folded
    group by 1, 2, 3;

    insert into analytics_status_time_tags_folded (project_id, day, tag, status, severity, component_id, stretches, seconds)
    select m.project_id, (m.at at time zone 'UTC')::date, t.tag, m.from_status, m.severity, m.component_id, count(*),
           sum(greatest(extract(epoch from (m.at - m.entered_at)), 0))
    from (select b.project_id, b.severity, coalesce(b.component_id, '00000000-0000-0000-0000-000000000000') as component_id,
                 b.tags, h.old_value as from_status, h.created_at as at,
                 coalesce(lag(h.created_at) over (partition by h.bug_id order by h.id), b.created_at) as entered_at
          from bug_history h join bugs b on b.id = h.bug_id
          where h.field = 'status') m
    cross join lateral (select distinct unnest(m.tags) as tag) t
    where m.from_status is not null
    group by 1, 2, 3, 4, 5, 6;
end
$$;
