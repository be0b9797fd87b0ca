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
from analytics_daily_tags
where project_id = any(array[(select id from projects where key = 'STOR')]) and day between current_date - 364 and current_date
group by tag order by sum(created) + sum(reopened) desc, tag limit 10;

-- name: open-now
select b.project_id, b.severity, b.priority, b.assignee_id, b.status = any(array['in_progress', 'in_review']) as working,
    b.component_id,
    case when b.created_at > now() - interval '1 day' then 0 when b.created_at > now() - interval '7 days' then 1
         when b.created_at > now() - interval '30 days' then 2 when b.created_at > now() - interval '90 days' then 3
         else 4 end as age, count(*) as n
from bugs b
where b.project_id = any(array[(select id from projects where key = 'STOR')]) and b.resolved_at is null
group by 1, 2, 3, 4, 5, 6, 7;

-- open per tag: measured and dropped (tags are not in the open index: a bitmap heap scan of the open bugs)
-- name: open-tags
select t.tag, count(*) as n
from bugs b cross join unnest(b.tags) as t(tag)
where b.project_id = any(array[(select id from projects where key = 'STOR')]) and b.resolved_at is null
  and b.tags && array['flaky', 'regression', 'ui', 'performance', 'security', 'mobile', 'ios', 'android', 'checkout', 'login']
  and t.tag = any(array['flaky', 'regression', 'ui', 'performance', 'security', 'mobile', 'ios', 'android', 'checkout', 'login'])
group by t.tag;

-- name: resolved-year
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

-- name: sla-compliance-year
select count(*) filter (where met) as met, count(*) as total
from bug_sla
where project_id = any(array[(select id from projects where key = 'STOR')])
  and stopped_at >= current_date - 364 and stopped_at < current_date + 1 and met is not null;

-- name: org-daily-year
select project_id, day, component_id, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
from analytics_daily
where project_id = any(array(select id from projects where org_id = (select org_id from projects where key = 'STOR')))
  and day between current_date - 364 and current_date
group by project_id, day, component_id;

-- name: org-open-now
select b.project_id, b.severity, b.priority, b.assignee_id, b.status, b.component_id, 0 as age, count(*) as n
from bugs b
where b.project_id = any(array(select id from projects where org_id = (select org_id from projects where key = 'STOR')))
  and b.resolved_at is null
group by 1, 2, 3, 4, 5, 6, 7;

-- name: scan-created-year-without-rollup
select date_trunc('week', created_at at time zone 'UTC')::date, count(*)
from bugs
where project_id = (select id from projects where key = 'STOR') and created_at >= current_date - 364
group by 1;
