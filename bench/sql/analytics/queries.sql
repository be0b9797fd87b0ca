-- The SQL of AnalyticsRepository for the big project (STOR, 100,000 bugs) over the last year (365 days by week),
-- as the app sends it (plan_cache_mode force_custom_plan, parameters inlined). Run: bench/sql/analytics/explain.sh PORT
-- prelude
set plan_cache_mode = force_custom_plan;
-- end prelude

-- name: daily-year
select project_id, day, component_id, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
from analytics_daily
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
group by project_id, day, component_id;

-- name: daily-year-tag
select project_id, day, component_id, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
from analytics_daily_tags
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
  and tag = 'flaky'
group by project_id, day, component_id;

-- name: tags-year
select tag, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
from analytics_tag_days
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
group by tag order by sum(created) + sum(reopened) desc, tag limit 10;

-- before V19 (and still with a severity or component filter): from analytics_daily_tags
-- name: tags-year-by-severity-and-component
select tag, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
from analytics_daily_tags
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
group by tag order by sum(created) + sum(reopened) desc, tag limit 10;

-- open now from the rollups of V19 (kept by a trigger on bugs): counts, then the workload
-- name: open-now
select project_id, severity, priority, null::uuid as assignee_id, status = any(array['in_progress', 'in_review']) as working,
    nullif(component_id, '00000000-0000-0000-0000-000000000000') as component_id, sum(n) as n
from analytics_open
where project_id = any(array[(select id from projects where key = 'STOR')])
group by 1, 2, 3, 5, 6 having sum(n) > 0;

-- name: open-assignees
select project_id, severity, null as priority, assignee_id, status = any(array['in_progress', 'in_review']) as working,
    null::uuid as component_id, sum(n) as n
from analytics_open_assignees
where project_id = any(array[(select id from projects where key = 'STOR')])
group by 1, 2, 4, 5 having sum(n) > 0;

-- name: open-ages
select current_date - day as age, sum(n) as n
from analytics_open_days
where project_id = any(array[(select id from projects where key = 'STOR')]) and day > current_date - 90
group by day;

-- name: open-tags
select tag, sum(n) as n
from analytics_open_tags
where project_id = any(array[(select id from projects where key = 'STOR')])
  and tag = any(array['flaky', 'regression', 'ui', 'performance', 'security', 'mobile', 'ios', 'android', 'checkout', 'login'])
group by tag;

-- before V19: the open bugs grouped from bugs (what a report narrowed to a component or a tag still does)
-- name: open-now-from-bugs
select b.project_id, b.severity, b.priority, b.assignee_id, b.status = any(array['in_progress', 'in_review']) as working,
    b.component_id, count(*) as n
from bugs b
where b.project_id = any(array[(select id from projects where key = 'STOR')]) and b.resolved_at is null
group by 1, 2, 3, 4, 5, 6;

-- name: open-now-tag-from-bugs
select b.project_id, b.severity, b.priority, b.assignee_id, b.status = any(array['in_progress', 'in_review']) as working,
    b.component_id, count(*) as n
from bugs b
where b.project_id = any(array[(select id from projects where key = 'STOR')]) and b.resolved_at is null
  and b.tags @> array['flaky']
group by 1, 2, 3, 4, 5, 6;

-- the resolved bugs' times, grouped in Java (AnalyticsRepository.resolved: overall, project, severity, resolution,
-- period; mean and median)
-- name: resolved-year
select b.project_id, b.severity, coalesce(b.resolution, '') as resolution,
    (b.resolved_at at time zone 'UTC')::date as day,
    extract(epoch from (b.resolved_at - b.created_at)) / 3600.0 as hours
from bugs b
where b.project_id = any(array[(select id from projects where key = 'STOR')])
  and b.resolved_at >= current_date - 364 and b.resolved_at < current_date + 1;

-- before: the same grouped by PostgreSQL with grouping sets and percentile_cont (a sort of the rows per set)
-- name: resolved-year-grouping-sets
select case when grouping(project_id) = 0 then 'project' when grouping(severity) = 0 then 'severity'
            when grouping(resolution) = 0 then 'resolution' when grouping(period) = 0 then 'period' else 'all' end as grouping,
    project_id, severity, resolution, period, count(*) as bugs, avg(hours) as mean,
    percentile_cont(0.5) within group (order by hours) as median
from (select b.project_id, b.severity, coalesce(b.resolution, '') as resolution,
          date_trunc('week', b.resolved_at at time zone 'UTC')::date as period,
          extract(epoch from (b.resolved_at - b.created_at)) / 3600.0 as hours
      from bugs b
      where b.project_id = any(array[(select id from projects where key = 'STOR')])
        and b.resolved_at >= current_date - 364 and b.resolved_at < current_date + 1) r
group by grouping sets ((), (project_id), (severity), (resolution), (period));

-- name: status-time-year
select status, sum(stretches) as stretches, sum(seconds) as seconds
from analytics_status_time
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
group by status;

-- name: status-time-year-totals
select status, sum(stretches) as stretches, sum(seconds) as seconds
from analytics_status_days
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
group by status;

-- name: status-time-year-tag
select status, sum(stretches) as stretches, sum(seconds) as seconds
from analytics_status_time_tags
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
  and tag = 'flaky'
group by status;

-- the resolved bars' list: bugs resolved in a week (BugListQuery: ids from the range's index, then the page)
-- name: list-resolved-week
select b.id from bugs b
where b.project_id = (select id from projects where key = 'STOR')
  and b.resolved_at >= current_date - 14 and b.resolved_at < current_date - 7
order by b.updated_at desc, b.id desc limit 26;

-- name: sla-compliance-year
select count(*) filter (where met) as met, count(*) as total
from bug_sla
where project_id = any(array[(select id from projects where key = 'STOR')])
  and stopped_at >= current_date - 364 and stopped_at < current_date + 1 and met is not null;

-- name: org-daily-year
-- a year by week: the rows grouped by the stretch of a week (AnalyticsRepository.days), index-only since V37
select project_id,
    case when day > current_date then current_date + 1 else date_trunc('week', day::timestamp)::date end as stretch,
    component_id, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
from analytics_daily
where project_id = any(array(select id from projects where org_id = (select org_id from projects where key = 'STOR')))
  and day between current_date - 364 and current_date
group by 1, 2, 3;

-- name: org-resolved-year
-- the time to resolve of an organization's year: project's place, day offset and hours, index-only
select array_position(array(select id from projects where org_id = (select org_id from projects where key = 'STOR')),
        b.project_id) as project, b.severity, coalesce(b.resolution, '') as resolution,
    (b.resolved_at at time zone 'UTC')::date - (current_date - 364) as day,
    extract(epoch from (b.resolved_at - b.created_at))::float8 / 3600 as hours
from bugs b
where b.project_id = any(array(select id from projects where org_id = (select org_id from projects where key = 'STOR')))
  and b.resolved_at >= current_date - 364 and b.resolved_at < current_date + 1;

-- name: org-open-now
select project_id, severity, priority, null::uuid as assignee_id, status = any(array['in_progress', 'in_review']) as working,
    nullif(component_id, '00000000-0000-0000-0000-000000000000') as component_id, sum(n) as n
from analytics_open
where project_id = any(array(select id from projects where org_id = (select org_id from projects where key = 'STOR')))
group by 1, 2, 3, 5, 6 having sum(n) > 0;

-- name: scan-created-year-without-rollup
select date_trunc('week', created_at at time zone 'UTC')::date, count(*)
from bugs
where project_id = (select id from projects where key = 'STOR') and created_at >= current_date - 364
group by 1;
