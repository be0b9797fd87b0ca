-- One function that rebuilds every analytics rollup from bugs and bug_history, as the backfills of V15 and V19 did
-- when they created the rollups. The app keeps the rollups current on every change (triggers, V19 and V23); this is for
-- rows written around them: bench data sets (bench/data/Generate.java writes with COPY in replica mode, which fires no
-- triggers, and calls it at the end) and an operator's repair (`select analytics_rebuild();`, see
-- bench/sql/analytics/backfill.sql). A later migration that adds a rollup adds it here too (create or replace).
-- A rebuild knows only the bugs that still exist: the kept rollups still count a deleted bug's filing and resolution
-- (AnalyticsApiTest), a rebuild no longer does.

-- A status's category from the project's workflow (null = the default workflow: resolved and closed are done).
create function analytics_is_done(workflow jsonb, status text) returns boolean language sql immutable as $$
    select coalesce(
        (select s ->> 'category' = 'done' from jsonb_array_elements(workflow -> 'statuses') s where s ->> 'key' = status),
        status in ('resolved', 'closed'))
$$;

create function analytics_rebuild() returns void language plpgsql as $$
begin
    truncate analytics_daily, analytics_daily_tags, analytics_status_time, analytics_open, analytics_open_assignees, analytics_open_days, analytics_open_tags, analytics_tag_days, analytics_status_days, analytics_status_time_tags;
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

    insert into analytics_daily (project_id, day, severity, component_id, created, resolved, reopened)
    select project_id, day, severity, component_id, sum(created), sum(resolved), sum(reopened)
    from analytics_events
    group by 1, 2, 3, 4;

    insert into analytics_daily_tags (project_id, day, tag, severity, component_id, created, resolved, reopened)
    select e.project_id, e.day, t.tag, e.severity, e.component_id, sum(e.created), sum(e.resolved), sum(e.reopened)
    from analytics_events e
    cross join lateral (select distinct unnest(e.tags) as tag) t
    group by 1, 2, 3, 4, 5;

    insert into analytics_status_time (project_id, day, status, severity, component_id, stretches, seconds)
    select project_id, (at at time zone 'UTC')::date, from_status, severity, component_id, count(*),
           sum(greatest(extract(epoch from (at - entered_at)), 0))
    from analytics_status_moves
    where from_status is not null
    group by 1, 2, 3, 4, 5;
    insert into analytics_open (project_id, severity, component_id, priority, status, n)
    select project_id, severity, coalesce(component_id, '00000000-0000-0000-0000-000000000000'), priority, status, count(*)
    from bugs where resolved_at is null
    group by 1, 2, 3, 4, 5;

    insert into analytics_open_assignees (project_id, assignee_id, severity, status, n)
    select project_id, assignee_id, severity, status, count(*)
    from bugs where resolved_at is null and assignee_id is not null
    group by 1, 2, 3, 4;

    insert into analytics_open_days (project_id, day, severity, component_id, n)
    select project_id, (created_at at time zone 'UTC')::date, severity,
           coalesce(component_id, '00000000-0000-0000-0000-000000000000'), count(*)
    from bugs where resolved_at is null
    group by 1, 2, 3, 4;

    insert into analytics_open_tags (project_id, tag, severity, component_id, n)
    select b.project_id, t.tag, b.severity, coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'), count(*)
    from bugs b cross join lateral (select distinct unnest(b.tags) as tag) t
    where b.resolved_at is null
    group by 1, 2, 3, 4;

    insert into analytics_tag_days (project_id, day, tag, created, resolved, reopened)
    select project_id, day, tag, sum(created), sum(resolved), sum(reopened)
    from analytics_daily_tags
    group by 1, 2, 3;

    insert into analytics_status_days (project_id, day, status, stretches, seconds)
    select project_id, day, status, sum(stretches), sum(seconds)
    from analytics_status_time
    group by 1, 2, 3;

    insert into analytics_status_time_tags (project_id, day, tag, status, severity, component_id, stretches, seconds)
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
