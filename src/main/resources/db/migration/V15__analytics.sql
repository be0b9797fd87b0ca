-- Analytics rollups (the analytics module's own tables), kept by AnalyticsRollups inside the transaction that files or
-- moves a bug (BugCreated, BugStatusChanged: synchronous listeners), and backfilled below from bugs and bug_history.
-- An event counts under the severity, component and tags the bug had at that moment. component_id is the nil uuid for
-- "no component" (a primary key column cannot be null) and carries no foreign key: a deleted component's counts stay.
-- A year of a 100,000-bug project is a few thousand rows per table instead of a scan of the bugs (bench/sql/analytics).
create table analytics_daily (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    severity      text not null,
    component_id  uuid not null,
    created       integer not null default 0,
    resolved      integer not null default 0,  -- moves into a done status from a not-done one
    reopened      integer not null default 0,  -- moves out of a done status
    primary key (project_id, day, severity, component_id)
);

-- The same counts per tag (a bug with three tags counts once under each).
create table analytics_daily_tags (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    tag           text not null,
    severity      text not null,
    component_id  uuid not null,
    created       integer not null default 0,
    resolved      integer not null default 0,
    reopened      integer not null default 0,
    primary key (project_id, day, tag, severity, component_id)
);

-- Time in status: every stretch a bug spent in a status, counted on the day it ended (the bug left the status).
create table analytics_status_time (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    status        text not null,
    severity      text not null,
    component_id  uuid not null,
    stretches     integer not null default 0,
    seconds       double precision not null default 0,
    primary key (project_id, day, status, severity, component_id)
);

-- The open bugs right now (open by severity and priority, workload, age buckets, open per component): an index-only
-- scan of the open part of a project instead of its whole history.
create index bugs_project_open_idx on bugs (project_id, severity, component_id)
    include (priority, assignee_id, status, created_at) where resolved_at is null;
-- Bugs resolved in a period (time to resolve: mean, median, by severity; throughput by resolution).
create index bugs_project_resolved_idx on bugs (project_id, resolved_at)
    include (created_at, severity, component_id, resolution) where resolved_at is not null;

-- ---------------------------------------------------------------------------------------------- backfill
-- A status's category from the project's workflow (null = the default workflow: resolved and closed are done).
create function pg_temp.is_done(workflow jsonb, status text) returns boolean language sql immutable as $$
    select coalesce(
        (select s ->> 'category' = 'done' from jsonb_array_elements(workflow -> 'statuses') s where s ->> 'key' = status),
        status in ('resolved', 'closed'))
$$;

create temporary table analytics_status_moves on commit drop as
select b.id as bug_id, b.project_id, b.severity, coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid)
           as component_id, b.tags, h.old_value as from_status, h.new_value as to_status, h.created_at as at,
       coalesce(lag(h.created_at) over (partition by h.bug_id order by h.id), b.created_at) as entered_at,
       pg_temp.is_done(p.workflow, h.old_value) as from_done, pg_temp.is_done(p.workflow, h.new_value) as to_done
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
