-- Notifications: who watches or muted a bug, the in-app notifications, email preferences, and the email outbox.

-- Watching: reporters, assignees and commenters are added automatically ('watching'); anyone may mute a bug
-- ('muted': no notification and no email about it, even as its reporter or assignee).
create table bug_watchers (
    bug_id      uuid not null references bugs (id) on delete cascade,
    user_id     uuid not null references users (id) on delete cascade,
    state       text not null check (state in ('watching', 'muted')),
    reason      text not null check (reason in ('reporter', 'assignee', 'commenter', 'explicit')),
    created_at  timestamptz not null,
    primary key (bug_id, user_id)
);
-- "what do I watch" (the user's side of the key)
create index bug_watchers_user on bug_watchers (user_id);

create table notifications (
    id          uuid primary key,
    user_id     uuid not null references users (id) on delete cascade,
    bug_id      uuid not null references bugs (id) on delete cascade,
    project_id  uuid not null references projects (id) on delete cascade,
    bug_key     text not null,
    bug_title   text not null,
    kind        text not null check (kind in ('assigned', 'status_change', 'comment', 'mention', 'sla')),
    actor_id    uuid references users (id) on delete set null,
    text        text not null check (length(text) <= 500),
    created_at  timestamptz not null,
    read_at     timestamptz
);
-- the notification center: newest first, keyset on (created_at, id); the unread filter and count use the partial one
create index notifications_user_created on notifications (user_id, created_at desc, id desc);
create index notifications_user_unread on notifications (user_id, created_at desc, id desc) where read_at is null;

-- Email preferences per event type; no row = the defaults (digest, daily at 09:00 UTC).
create table notification_preferences (
    user_id        uuid primary key references users (id) on delete cascade,
    assigned       text not null check (assigned in ('instant', 'digest', 'off')),
    status_change  text not null check (status_change in ('instant', 'digest', 'off')),
    comment        text not null check (comment in ('instant', 'digest', 'off')),
    mention        text not null check (mention in ('instant', 'digest', 'off')),
    sla            text not null check (sla in ('instant', 'digest', 'off')),
    digest         text not null check (digest in ('daily', 'weekly')),
    digest_hour    smallint not null check (digest_hour between 0 and 23),
    digest_day     smallint not null check (digest_day between 1 and 7),
    time_zone      text not null,
    updated_at     timestamptz not null
);

-- What should reach a person by email, written in the same transaction as the change. A worker turns due
-- items into emails: instant ones per bug (or per bulk change) once the batch window has passed, digest ones
-- at the person's digest hour. email_id is set when an item went into an email.
create table email_items (
    id          uuid primary key,
    user_id     uuid not null references users (id) on delete cascade,
    bug_id      uuid not null references bugs (id) on delete cascade,
    bulk_id     uuid,
    kind        text not null check (kind in ('assigned', 'status_change', 'comment', 'mention', 'sla')),
    delivery    text not null check (delivery in ('instant', 'digest')),
    bug_key     text not null,
    bug_title   text not null,
    bug_status  text not null,
    line        text not null check (length(line) <= 500),
    created_at  timestamptz not null,
    email_id    uuid
);
-- the composer's questions: pending items by delivery, oldest first
create index email_items_pending on email_items (delivery, created_at) where email_id is null;
create index email_items_pending_user on email_items (user_id, delivery) where email_id is null;

-- The outbox: composed emails, sent by a worker that claims rows with FOR UPDATE SKIP LOCKED (several nodes),
-- retries with exponential backoff, and marks each sent exactly once. message_id is the email's Message-ID.
create table emails (
    id               uuid primary key,
    user_id          uuid not null references users (id) on delete cascade,
    to_address       text not null,
    subject          text not null,
    text_body        text not null,
    html_body        text not null,
    message_id       text not null unique,
    thread_id        text,
    list_unsubscribe text,
    created_at       timestamptz not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    sent_at          timestamptz,
    last_error       text
);
create index emails_due on emails (next_attempt_at) where sent_at is null;
-- the per-user rate limit counts a person's recent emails
create index emails_user_created on emails (user_id, created_at desc);

-- One secret per installation (signs unsubscribe links), created on first use; shared by every node.
create table notification_secrets (
    name        text primary key,
    secret      bytea not null,
    created_at  timestamptz not null
);
