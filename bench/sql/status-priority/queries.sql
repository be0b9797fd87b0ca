-- prelude (the parameters the shapes below use: STOR, its busiest assignee, cursors 10,000 and 200 rows deep)
select p.id as pid from projects p where p.key = 'STOR' \gset
select b.assignee_id as assignee, count(*) from bugs b where b.project_id = :'pid' and b.assignee_id is not null
 group by b.assignee_id order by 2 desc limit 1 \gset
select b.updated_at as cur_updated, b.id as cur_updated_id from bugs b where b.project_id = :'pid'
 order by b.updated_at desc, b.id desc offset 10000 limit 1 \gset
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
