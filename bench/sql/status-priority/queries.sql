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
select updated_at as cur_sp_updated, id as cur_sp_id from bugs where project_id = :'pid' and status = 'open'
 and priority = 'P0' order by updated_at desc, id desc offset 200 limit 1 \gset
-- end prelude
-- name: open-P0
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: open-P1
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P1') order by b.updated_at desc, b.id desc limit 26;

-- name: open-P2
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P2') order by b.updated_at desc, b.id desc limit 26;

-- name: open-P3
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P3') order by b.updated_at desc, b.id desc limit 26;

-- name: in_progress-P0
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('in_progress') and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: in_progress-P1
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('in_progress') and b.priority in ('P1') order by b.updated_at desc, b.id desc limit 26;

-- name: in_progress-P2
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('in_progress') and b.priority in ('P2') order by b.updated_at desc, b.id desc limit 26;

-- name: in_progress-P3
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('in_progress') and b.priority in ('P3') order by b.updated_at desc, b.id desc limit 26;

-- name: resolved-P0
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('resolved') and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: resolved-P1
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('resolved') and b.priority in ('P1') order by b.updated_at desc, b.id desc limit 26;

-- name: resolved-P2
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('resolved') and b.priority in ('P2') order by b.updated_at desc, b.id desc limit 26;

-- name: resolved-P3
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('resolved') and b.priority in ('P3') order by b.updated_at desc, b.id desc limit 26;

-- name: two-statuses-two-priorities
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('in_progress', 'resolved') and b.priority in ('P0', 'P3') order by b.updated_at desc, b.id desc limit 26;

-- name: open-P0-keyset
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P0')
and (b.updated_at, b.id) < (cast(:'cur_sp_updated' as timestamptz), cast(:'cur_sp_id' as uuid))
order by b.updated_at desc, b.id desc limit 26;

-- name: open-P0-ascending
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P0') order by b.updated_at asc, b.id asc limit 26;

-- name: status-open
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') order by b.updated_at desc, b.id desc limit 26;

-- name: status-resolved-keyset
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('resolved')
and (b.updated_at, b.id) < (cast(:'cur_updated' as timestamptz), cast(:'cur_updated_id' as uuid))
order by b.updated_at desc, b.id desc limit 26;

-- name: not-closed-P0
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status not in ('closed', 'resolved') and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: priority-P0-only
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: open-P0-sort-priority
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P0', 'P1') order by b.priority asc, b.id asc limit 26;

-- name: open-P0-assignee
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P0') and b.assignee_id in (:'assignee') order by b.updated_at desc, b.id desc limit 26;

-- name: status-open-severity-sort
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.assignee_id is null order by b.severity_rank asc, b.id asc limit 26;

-- name: count-open-P0-capped
select count(*) as n from (select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and b.status in ('open') and b.priority in ('P0') limit 10001) c;

-- name: count-by-status-capped
select s.status, (select count(*) from (select 1 from bugs b join projects p on p.id = b.project_id
where b.project_id = :'pid' and b.priority in ('P0') and b.status = s.status limit 10001) c) as n
from unnest(cast('{open,in_progress,in_review,resolved,closed}' as text[])) as s(status);

-- name: count-by-status
select status, count(*) as n from bugs where project_id = :'pid' group by status;
