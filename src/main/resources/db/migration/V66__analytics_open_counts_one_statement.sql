-- The rollups' statement trigger on bugs (V23, deltas since V47) as one statement instead of four: the same four delta
-- inserts as data-modifying CTEs over the transition table read once. Every filing (and every delete) ran the four
-- inserts as four statements of the trigger function, each with its own executor start and snapshot, even when it
-- had nothing to insert (a bug without an assignee or tags); bench/sql/README.md, "Filing: the bug's rows in one
-- statement". What is counted is unchanged.
create or replace function analytics_open_count_rows() returns trigger language plpgsql as $$
declare
    -- the transition table is named "changed" by both triggers: the inserted rows count up, the deleted ones down
    d integer := case when tg_op = 'INSERT' then 1 else -1 end;
begin
    with c as (
        select * from changed c
        where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    ), open_rows as (
        insert into analytics_open_delta (project_id, severity, component_id, priority, status, n)
        select project_id, severity, coalesce(component_id, '00000000-0000-0000-0000-000000000000'), priority, status,
               d * count(*)
        from c
        group by 1, 2, 3, 4, 5
    ), assignees as (
        insert into analytics_open_assignees_delta (project_id, assignee_id, severity, status, n)
        select project_id, assignee_id, severity, status, d * count(*)
        from c
        where c.assignee_id is not null
        group by 1, 2, 3, 4
    ), days as (
        insert into analytics_open_days_delta (project_id, day, severity, component_id, n)
        select project_id, (created_at at time zone 'UTC')::date, severity,
               coalesce(component_id, '00000000-0000-0000-0000-000000000000'), d * count(*)
        from c
        group by 1, 2, 3, 4
    )
    insert into analytics_open_tags_delta (project_id, tag, severity, component_id, n)
    select c.project_id, g.tag, c.severity, coalesce(c.component_id, '00000000-0000-0000-0000-000000000000'),
           d * count(*)
    from c cross join lateral (select distinct unnest(c.tags) as tag) g
    group by 1, 2, 3, 4;
    return null;
end
$$;
