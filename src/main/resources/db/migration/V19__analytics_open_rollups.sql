-- Analytics: the open bugs as rollups, and time in status per tag (bench/sql/analytics/README.md).
-- Counting the open bugs of a 100,000-bug project (53k open) took ~45 % of a year's report: an index-only scan of
-- every open bug into ~15k groups. These four tables hold the same counts already grouped, kept exact by a trigger
-- on bugs in the transaction of every change (filing, edit, status move, bulk move of a removed status, delete,
-- project move): whatever writes a bug, the counts move with it, and no code path can forget an event.
-- component_id is the nil uuid for "none" (primary key columns cannot be null). Rows that fall to
-- 0 stay (a bounded number: the combinations ever seen).

-- Open bugs per severity, component, priority and status: open now, by severity and priority, per component and
-- per project (STOR: ~260 rows for 53k open bugs).
create table analytics_open (
    project_id    uuid not null references projects (id) on delete cascade,
    severity      text not null,
    component_id  uuid not null,
    priority      text not null,
    status        text not null,
    n             integer not null,
    primary key (project_id, severity, component_id, priority, status)
);

-- Assigned open bugs per assignee, severity and status: the workload (in progress = the workflow's in-progress
-- statuses). A report narrowed to a component or a tag counts its open bugs from bugs instead (a few thousand).
create table analytics_open_assignees (
    project_id    uuid not null references projects (id) on delete cascade,
    assignee_id   uuid not null,
    severity      text not null,
    status        text not null,
    n             integer not null,
    primary key (project_id, assignee_id, severity, status)
);

-- Open bugs per filing day (UTC): the age buckets. A report reads the last 90 days; older = total - those.
create table analytics_open_days (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    severity      text not null,
    component_id  uuid not null,
    n             integer not null,
    primary key (project_id, day, severity, component_id)
);

-- Open bugs per tag (a bug with three tags counts once under each): the open column of the tag hotspots.
create table analytics_open_tags (
    project_id    uuid not null references projects (id) on delete cascade,
    tag           text not null,
    severity      text not null,
    component_id  uuid not null,
    n             integer not null,
    primary key (project_id, tag, severity, component_id)
);

-- Events per day and tag alone (analytics_daily_tags without severity and component: ~24 rows a day instead of
-- ~150): the busiest tags of a period (hotspots), read when the report is not narrowed to a severity or component.
create table analytics_tag_days (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    tag           text not null,
    created       integer not null default 0,
    resolved      integer not null default 0,
    reopened      integer not null default 0,
    primary key (project_id, day, tag)
);

-- Time in status per day and status alone (analytics_status_time without severity and component): read when the
-- report is not narrowed to a severity or component.
create table analytics_status_days (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    status        text not null,
    stretches     integer not null default 0,
    seconds       double precision not null default 0,
    primary key (project_id, day, status)
);

-- Time in status per tag (like analytics_status_time; kept by AnalyticsRollups from BugStatusChanged).
create table analytics_status_time_tags (
    project_id    uuid not null references projects (id) on delete cascade,
    day           date not null,
    tag           text not null,
    status        text not null,
    severity      text not null,
    component_id  uuid not null,
    stretches     integer not null default 0,
    seconds       double precision not null default 0,
    primary key (project_id, day, tag, status, severity, component_id)
);

-- Moves a bug's open counts from its old row (o) to its new one (n); either may be null (filed, deleted), a
-- resolved one counts nowhere. One ordered insert per table, so two changes lock rollup rows in the same order.
create function analytics_open_move(o bugs, n bugs) returns void language sql as $$
    insert into analytics_open as t (project_id, severity, component_id, priority, status, n)
    select project_id, severity, component_id, priority, status, sum(d)
    from (select (o).project_id, (o).severity, coalesce((o).component_id, '00000000-0000-0000-0000-000000000000'),
                 (o).priority, (o).status, -1 as d
          where (o).id is not null and (o).resolved_at is null
          union all
          select (n).project_id, (n).severity, coalesce((n).component_id, '00000000-0000-0000-0000-000000000000'),
                 (n).priority, (n).status, 1
          where (n).id is not null and (n).resolved_at is null) c (project_id, severity, component_id, priority,
                                                                  status, d)
    group by 1, 2, 3, 4, 5 having sum(d) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (project_id, severity, component_id, priority, status) do update set n = t.n + excluded.n;

    insert into analytics_open_assignees as t (project_id, assignee_id, severity, status, n)
    select project_id, assignee_id, severity, status, sum(d)
    from (select (o).project_id, (o).assignee_id, (o).severity, (o).status, -1 as d
          where (o).id is not null and (o).resolved_at is null and (o).assignee_id is not null
          union all
          select (n).project_id, (n).assignee_id, (n).severity, (n).status, 1
          where (n).id is not null and (n).resolved_at is null and (n).assignee_id is not null)
         c (project_id, assignee_id, severity, status, d)
    group by 1, 2, 3, 4 having sum(d) <> 0
    order by 1, 2, 3, 4
    on conflict (project_id, assignee_id, severity, status) do update set n = t.n + excluded.n;

    insert into analytics_open_days as t (project_id, day, severity, component_id, n)
    select project_id, day, severity, component_id, sum(d)
    from (select (o).project_id, ((o).created_at at time zone 'UTC')::date, (o).severity,
                 coalesce((o).component_id, '00000000-0000-0000-0000-000000000000'), -1 as d
          where (o).id is not null and (o).resolved_at is null
          union all
          select (n).project_id, ((n).created_at at time zone 'UTC')::date, (n).severity,
                 coalesce((n).component_id, '00000000-0000-0000-0000-000000000000'), 1
          where (n).id is not null and (n).resolved_at is null) c (project_id, day, severity, component_id, d)
    group by 1, 2, 3, 4 having sum(d) <> 0
    order by 1, 2, 3, 4
    on conflict (project_id, day, severity, component_id) do update set n = t.n + excluded.n;

    insert into analytics_open_tags as t (project_id, tag, severity, component_id, n)
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
    group by 1, 2, 3, 4 having sum(d) <> 0
    order by 1, 2, 3, 4
    on conflict (project_id, tag, severity, component_id) do update set n = t.n + excluded.n;
$$;

create function analytics_open_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform analytics_open_move(null, new);
    elsif tg_op = 'DELETE' then
        -- a deleted project takes its bugs and its rollup rows along (cascade): nothing to count
        if exists (select 1 from projects where id = old.project_id) then
            perform analytics_open_move(old, null);
        end if;
    else
        perform analytics_open_move(old, new);
    end if;
    return null;
end
$$;

create trigger bugs_analytics_open_insert after insert on bugs
    for each row when (new.resolved_at is null) execute function analytics_open_count();
create trigger bugs_analytics_open_delete after delete on bugs
    for each row when (old.resolved_at is null) execute function analytics_open_count();
-- only when a counted column changed (an edit of the title or a comment's vector costs nothing)
create trigger bugs_analytics_open_update after update on bugs
    for each row when ((old.resolved_at is null or new.resolved_at is null) and (
        old.resolved_at is distinct from new.resolved_at or old.project_id is distinct from new.project_id
        or old.severity is distinct from new.severity or old.component_id is distinct from new.component_id
        or old.priority is distinct from new.priority or old.status is distinct from new.status
        or old.assignee_id is distinct from new.assignee_id or old.tags is distinct from new.tags
        or old.created_at is distinct from new.created_at))
    execute function analytics_open_count();

-- ---------------------------------------------------------------------------------------------- backfill
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

-- ---------------------------------------------------------------------------------------------- weekly report
-- Who gets a project's weekly analytics email (notifications module: WeeklyReports; project admins opt in on their
-- email preferences). last_week: the Monday (UTC) of the week the last email was composed in; a node claims due rows
-- with skip locked and composes the email into the outbox in the same transaction, so each week goes out once.
create table report_subscriptions (
    user_id     uuid not null references users (id) on delete cascade,
    project_id  uuid not null references projects (id) on delete cascade,
    created_at  timestamptz not null,
    last_week   date not null,
    primary key (user_id, project_id)
);
