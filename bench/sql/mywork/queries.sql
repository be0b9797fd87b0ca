-- My work and the notification triage (shapes copied from BugRepository.changesOnBugsOf,
-- NotificationRepository.page/unreadCount, WatcherRepository.following, OpenBugCounts), each preceded by
-- "-- name: <name>"; run with QUERIES=mywork/queries.sql bench/sql/explain.sh PORT bench/sql/mywork after
-- bench/sql/mywork/setup.sql. The person: the busiest assignee of the whole data set (20,000 notifications).
-- My work's bug lists are query-language searches across the caller's projects (BugListQuery.across: a lateral walk
-- per project, "pids" = STOR and the second project), the names starting with "list-"; their queries are
-- WorkList.query. "Assigned to you" sorts by urgency (priority, then the soonest due; BugSort.URGENCY).

-- prelude
select assignee_id as me from bugs where assignee_id is not null group by 1 order by count(*) desc limit 1 \gset
select now() - interval '14 days' as since \gset
select '{' || string_agg(id::text, ',') || '}' as pids from projects \gset
select current_date + 8 as due_before \gset
select inbox_at as cur_inbox, id as cur_id from notifications where user_id = :'me' and done_at is null
 and inbox_at <= now() order by inbox_at desc, id desc offset 3000 limit 1 \gset
-- end prelude

-- name: activity-on-my-bugs
select h.id, h.bug_id, p.key || '-' || b.number as bug_key, b.title as bug_title, h.field, h.old_value,
       h.new_value, h.user_id, h.created_at
from bugs b join projects p on p.id = b.project_id join bug_history h on h.bug_id = b.id
where b.project_id in (select project_id from project_members where user_id = :'me')
  and (b.assignee_id = :'me' or b.reporter_id = :'me') and b.updated_at >= :'since' and h.created_at >= :'since'
  and h.user_id is distinct from :'me' and h.field not like 'internal\_note\_%'
order by h.created_at desc, h.id desc limit 10;

-- name: project-card-counts-open
select project_id, sum(n)::int as n from analytics_open
where project_id in (select project_id from project_members where user_id = :'me') group by project_id;

-- name: project-card-counts-mine
select project_id, sum(n)::int as n from analytics_open_assignees
where project_id in (select project_id from project_members where user_id = :'me') and assignee_id = :'me'
group by project_id;

-- name: watching
select bug_id, created_at as since from bug_watchers
where user_id = :'me' and state = 'watching' and reason in ('explicit', 'commenter')
order by created_at desc, bug_id desc limit 6;

-- name: inbox-first-page
select * from notifications where user_id = :'me' and done_at is null and inbox_at <= now()
order by inbox_at desc, id desc limit 31;

-- name: inbox-deep-page
select * from notifications where user_id = :'me' and done_at is null and inbox_at <= now()
and (inbox_at, id) < (:'cur_inbox', :'cur_id') order by inbox_at desc, id desc limit 31;

-- name: inbox-unread
select * from notifications where user_id = :'me' and done_at is null and inbox_at <= now() and read_at is null
order by inbox_at desc, id desc limit 31;

-- name: inbox-mentions
select * from notifications where user_id = :'me' and done_at is null and inbox_at <= now() and kind = 'mention'
order by inbox_at desc, id desc limit 31;

-- name: inbox-participating
select * from notifications where user_id = :'me' and done_at is null and inbox_at <= now() and participating
order by inbox_at desc, id desc limit 31;

-- name: snoozed
select * from notifications where user_id = :'me' and done_at is null and inbox_at > now()
order by inbox_at asc, id asc limit 31;

-- name: done
select * from notifications where user_id = :'me' and done_at is not null
order by done_at desc, id desc limit 31;

-- name: unread-count
select count(*) from (select 1 from notifications
                      where user_id = :'me' and read_at is null and done_at is null and inbox_at <= now()
                      limit 1000) unread;

-- name: list-assigned-urgency
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.assignee_id in (:'me') and b.resolved_at is null
order by ((ascii(substr(b.priority, 2, 1)) - 48) * 10000000 + least(greatest(coalesce(b.due_date - date '2000-01-01', 9999999), 0), 9999999)) asc, b.id asc limit 26) l
join bugs b on b.id = l.id join projects p on p.id = b.project_id
order by ((ascii(substr(b.priority, 2, 1)) - 48) * 10000000 + least(greatest(coalesce(b.due_date - date '2000-01-01', 9999999), 0), 9999999)) asc, b.id asc limit 26;

-- name: list-assigned-priority-before
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.assignee_id in (:'me') and b.resolved_at is null
order by b.priority asc, b.id asc limit 26) l join bugs b on b.id = l.id join projects p on p.id = b.project_id
order by b.priority asc, b.id asc limit 26;

-- name: list-due-soon
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.assignee_id in (:'me') and b.resolved_at is null
and coalesce(b.due_date, 'infinity'::date) < :'due_before'
order by coalesce(b.due_date, 'infinity'::date) asc, b.id asc limit 26) l join bugs b on b.id = l.id
join projects p on p.id = b.project_id order by coalesce(b.due_date, 'infinity'::date) asc, b.id asc limit 26;

-- name: list-sla-at-risk
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.sla_state in ('at_risk', 'breached') and b.resolved_at is null
order by b.priority asc, b.id asc limit 26) l join bugs b on b.id = l.id join projects p on p.id = b.project_id
order by b.priority asc, b.id asc limit 26;

-- name: list-reported
select b.*, p.key from unnest(cast(:'pids' as uuid[])) as pid(id) cross join lateral (select b.id from bugs b
where b.project_id = pid.id and b.reporter_id in (:'me') and (b.assignee_id is null or b.assignee_id not in (:'me'))
and b.resolved_at is null order by b.updated_at desc, b.id desc limit 26) l join bugs b on b.id = l.id
join projects p on p.id = b.project_id order by b.updated_at desc, b.id desc limit 26;
