-- Filter-only searches (issue 16: "Search refuses filter-only queries"), shapes copied from BugListQuery.build (one
-- project: BugQueries.search → BugRepository.list) and BugListQuery.across (several projects: a lateral walk of
-- each project's sort index), plus the tag suggestions (BugRepository.recentTags). Run with
-- QUERIES=search/queries.sql bench/sql/explain.sh PORT bench/sql/search
-- "me" is the busiest assignee of STOR; "pids" is STOR and a second (empty) project, the caller's projects.

-- prelude
select id as pid from projects where key = 'STOR' order by created_at limit 1 \gset
select assignee_id as me from bugs where project_id = :'pid' and assignee_id is not null
 group by 1 order by count(*) desc limit 1 \gset
select '{' || :'pid' || ',' || gen_random_uuid() || '}' as pids \gset
-- end prelude

-- name: one-status-open-severity-critical
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.severity_rank in (0) order by b.updated_at desc, b.id desc limit 26;

-- name: one-assignee-me
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.assignee_id in (:'me') order by b.updated_at desc, b.id desc limit 26;

-- name: one-tag-checkout-or-api
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.tags && cast('{api,checkout}' as text[]) order by b.updated_at desc, b.id desc limit 26;

-- name: one-is-open-sort-priority
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.resolved_at is null order by b.priority asc, b.id asc limit 26;

-- name: one-not-tag-not-closed
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status not in ('closed') and not (b.tags && cast('{flaky}' as text[])) order by b.updated_at desc, b.id desc limit 26;

-- name: across-status-open-severity-critical
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.status in ('open') and b.severity_rank in (0) and true
order by b.updated_at desc, b.id desc limit 26) l join bugs b on b.id = l.id join projects p on p.id = b.project_id
order by b.updated_at desc, b.id desc limit 26;

-- name: across-is-open-sort-severity
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.resolved_at is null and true
order by b.severity_rank asc, b.id asc limit 26) l join bugs b on b.id = l.id join projects p on p.id = b.project_id
order by b.severity_rank asc, b.id asc limit 26;

-- name: across-assignee-me
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.assignee_id in (:'me') and true
order by b.updated_at desc, b.id desc limit 26) l join bugs b on b.id = l.id join projects p on p.id = b.project_id
order by b.updated_at desc, b.id desc limit 26;

-- name: tag-suggestions
select t.tag from (select b.tags from bugs b where b.project_id in (:'pid') order by b.updated_at desc, b.id desc
limit 2000) recent cross join unnest(recent.tags) as t(tag) where starts_with(lower(t.tag), lower('re'))
group by t.tag order by count(*) desc, t.tag limit 10;
