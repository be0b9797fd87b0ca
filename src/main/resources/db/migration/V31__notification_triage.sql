-- Notifications you can triage: done (archived, out of the inbox), snoozed (back in the inbox at a set time, on
-- top), and filters by why it reached the person (mentions, assigned, participating).
--
-- inbox_at: when the notification (re)entered the inbox: its creation, or the end of its snooze. The inbox lists
-- what is not done and whose inbox_at has come, newest inbox_at first; a snoozed one (inbox_at in the future) shows
-- only under "Snoozed", and once its time comes it is back on top, unread.
-- participating: the recipient takes part in the bug (reporter, assignee, commenter, mentioned, assigned), as
-- opposed to only watching it; written once, when the notification is delivered.
alter table notifications
    add column inbox_at      timestamptz,
    add column done_at       timestamptz,
    add column participating boolean not null default false;

update notifications set inbox_at = created_at,
                         participating = kind in ('assigned', 'mention');
alter table notifications alter column inbox_at set not null;

-- The inbox (all, or by kind: mentions, assigned), participating, the unread count and the bell, done: each a
-- keyset walk of its own partial index, newest first.
drop index notifications_user_created;
drop index notifications_user_unread;
create index notifications_user_inbox on notifications (user_id, inbox_at desc, id desc) where done_at is null;
create index notifications_user_unread on notifications (user_id, inbox_at desc, id desc)
    where read_at is null and done_at is null;
create index notifications_user_kind on notifications (user_id, kind, inbox_at desc, id desc) where done_at is null;
create index notifications_user_participating on notifications (user_id, inbox_at desc, id desc)
    where participating and done_at is null;
create index notifications_user_done on notifications (user_id, done_at desc, id desc) where done_at is not null;

-- My work's "Watching": the bugs a person follows without being their reporter or assignee, newest watch first.
create index bug_watchers_user_following on bug_watchers (user_id, created_at desc, bug_id)
    where state = 'watching' and reason in ('explicit', 'commenter');
