-- The bug-list queries Fixpoint issues (shapes copied from BugListQuery / BugRepository / CommentRepository),
-- each preceded by "-- name: <name>". bench/sql/explain.sh runs every one with EXPLAIN (ANALYZE, BUFFERS).
-- Values come from psql variables set by the prelude below: the big project, its busiest assignee/reporter,
-- cursors 10,000 rows deep (page 400), one busy bug. Page size is the app's default: 25 + 1 (to know if there is a next page).

-- prelude
select id as pid from projects where key = 'STOR' order by created_at limit 1 \gset
select assignee_id as assignee from bugs where project_id = :'pid' and assignee_id is not null
 group by 1 order by count(*) desc limit 1 \gset
select least(10000, count(*) / 2) as deep from bugs where project_id = :'pid' \gset
select reporter_id as reporter from bugs where project_id = :'pid' group by 1 order by count(*) desc limit 1 \gset
select updated_at as cur_updated, id as cur_updated_id from bugs where project_id = :'pid'
 order by updated_at desc, id desc offset :deep limit 1 \gset
select priority as cur_priority, id as cur_priority_id from bugs where project_id = :'pid'
 order by priority, id offset :deep limit 1 \gset
select b.id as bug, b.number as bug_number from bugs b where b.project_id = :'pid'
 order by (select count(*) from comments c where c.bug_id = b.id) desc limit 1 \gset
select m.user_id as member from project_members m where m.project_id = :'pid' and m.role = 'admin' limit 1 \gset
-- end prelude

-- name: list-default
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
order by b.updated_at desc, b.id desc limit 26;

-- name: status-open
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') order by b.updated_at desc, b.id desc limit 26;

-- name: severity-critical-high-sort-severity
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.severity_rank in (0, 1) order by b.severity_rank asc, b.id asc limit 26;

-- name: severity-low-sort-severity
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.severity_rank in (3) order by b.severity_rank asc, b.id asc limit 26;

-- name: assignee
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.assignee_id = :'assignee' order by b.updated_at desc, b.id desc limit 26;

-- name: unassigned-open-sort-severity
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.assignee_id is null order by b.severity_rank asc, b.id asc limit 26;

-- name: reporter
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.reporter_id = :'reporter' order by b.updated_at desc, b.id desc limit 26;

-- name: tag-flaky
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.tags @> cast('{flaky}' as text[]) order by b.updated_at desc, b.id desc limit 26;

-- name: created-range
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.created_at >= now() - interval '120 days' and b.created_at < now() - interval '90 days'
order by b.updated_at desc, b.id desc limit 26;

-- name: fulltext-checkout-timeout
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.search_vector @@ websearch_to_tsquery('english', 'checkout timeout') order by b.updated_at desc, b.id desc limit 26;

-- name: created-range-old
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.created_at >= now() - interval '390 days' and b.created_at < now() - interval '360 days'
order by b.updated_at desc, b.id desc limit 26;

-- name: tags-two-rare
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.tags @> cast('{flaky,safari}' as text[]) order by b.updated_at desc, b.id desc limit 26;

-- name: fulltext-rare
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.search_vector @@ websearch_to_tsquery('english', 'checkout deadlock emoji') order by b.updated_at desc, b.id desc limit 26;

-- name: fulltext-no-match
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.search_vector @@ websearch_to_tsquery('english', 'kubernetes') order by b.updated_at desc, b.id desc limit 26;

-- name: status-active-sort-priority
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open', 'in_progress', 'in_review') order by b.priority asc, b.id asc limit 26;

-- name: sort-priority
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
order by b.priority asc, b.id asc limit 26;

-- name: sort-due
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
order by coalesce(b.due_date, 'infinity'::date) asc, b.id asc limit 26;

-- name: keyset-updated
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and (b.updated_at, b.id) < (cast(:'cur_updated' as timestamptz), cast(:'cur_updated_id' as uuid))
order by b.updated_at desc, b.id desc limit 26;

-- name: keyset-priority
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and (b.priority, b.id) > (cast(:'cur_priority' as text), cast(:'cur_priority_id' as uuid))
order by b.priority asc, b.id asc limit 26;

-- name: status-open-sort-priority
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') order by b.priority asc, b.id asc limit 26;

-- name: count-by-status
select status, count(*) as n from bugs where project_id = :'pid' group by status;

-- name: bug-by-key
select b.*, p.key from projects p
join project_members m on m.project_id = p.id and m.user_id = :'member'
join bugs b on b.project_id = p.id and b.number = :bug_number
where p.key = 'STOR' order by p.created_at limit 1;

-- name: bug-history
select id, field, old_value, new_value, user_id, created_at from bug_history where bug_id = :'bug' order by id;

-- name: bug-comments
select id, bug_id, author_id, parent_id, content, content_html, is_internal, created_at, updated_at, edited_at, deleted_at
from comments
where bug_id = :'bug' and (true or not is_internal)
  and (cast(null as timestamptz) is null or (created_at, id) > (cast(null as timestamptz), cast(null as uuid)))
  and (deleted_at is null or exists (select 1 from comments r where r.parent_id = comments.id and r.deleted_at is null))
order by created_at, id
limit 26;
