-- Notifications for the My work / triage plans: bench/data/generate.sh writes none, so this adds ~1M of them
-- (500 per user for 2,000 users; the busiest assignee gets 20,000), in the shapes V31 keeps: a third read, a tenth
-- done, a few snoozed into the future, kinds mixed, a seventh participating. Run once after generate.sh:
--   psql -h localhost -p PORT -U postgres -d postgres -f bench/sql/mywork/setup.sql
select assignee_id as busy from bugs where assignee_id is not null group by 1 order by count(*) desc limit 1 \gset
create temp table some_bugs as
select row_number() over (order by updated_at desc, id) as k, id, project_id, title
from (select id, project_id, title, updated_at from bugs order by updated_at desc limit 500) recent;
insert into notifications (id, user_id, bug_id, project_id, bug_key, bug_title, kind, text, created_at, inbox_at,
                           read_at, done_at, participating)
select gen_random_uuid(), u.id, b.id, b.project_id, 'X-' || g, b.title,
       (array['comment', 'status_change', 'mention', 'assigned', 'sla'])[1 + g % 5], 'bench',
       now() - g * interval '7 minutes',
       case when g % 97 = 0 then now() + interval '1 day' else now() - g * interval '7 minutes' end,
       case when g % 3 = 0 then now() - g * interval '6 minutes' end,
       case when g % 10 = 0 then now() - g * interval '5 minutes' end,
       g % 7 = 0
from (select id from users order by id limit 2000) u
cross join generate_series(1, 500) g
join some_bugs b on b.k = g;
insert into notifications (id, user_id, bug_id, project_id, bug_key, bug_title, kind, text, created_at, inbox_at,
                           read_at, done_at, participating)
select gen_random_uuid(), :'busy', b.id, b.project_id, 'X-' || g, b.title,
       (array['comment', 'status_change', 'mention', 'assigned', 'sla'])[1 + g % 5], 'bench',
       now() - g * interval '1 minute', now() - g * interval '1 minute',
       case when g % 3 = 0 then now() end, case when g % 10 = 0 then now() end, g % 7 = 0
from generate_series(1, 20000) g
join some_bugs b on b.k = 1 + g % 500;
-- the busiest assignee follows 300 bugs (explicit watches)
insert into bug_watchers (bug_id, user_id, state, reason, created_at)
select b.id, :'busy', 'watching', 'explicit', now() - row_number() over () * interval '1 hour'
from (select id from bugs where assignee_id is distinct from :'busy' order by updated_at desc limit 300) b
on conflict do nothing;
analyze notifications;
analyze bug_watchers;
