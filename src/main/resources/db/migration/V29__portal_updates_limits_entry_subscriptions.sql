-- Portal, second part (module portal): batched updates to reporters, rate limits shared by every node,
-- subscriptions to one status page entry.

-- What happened to a portal ticket that its reporter should hear about. The composer (every node, rows claimed
-- FOR UPDATE SKIP LOCKED) turns an address's pending updates into one email once the batch window after the first
-- of them passed: one ticket's changes in one email, several tickets of the same address in one digest. The bug
-- and the comment are read again when composing (a comment made internal since is dropped).
create table portal_updates (
    id          uuid primary key,
    report_id   uuid not null references portal_reports (id) on delete cascade,
    kind        text not null check (kind in ('status', 'comment')),
    comment_id  uuid,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    check ((kind = 'comment') = (comment_id is not null))
);
create index portal_updates_pending on portal_updates (report_id, created_at) where sent_at is null;
create index portal_updates_sent on portal_updates (sent_at) where sent_at is not null;

-- The portal's rate limits, shared by every node: a token bucket per key (a client address or an email address,
-- both stored as SHA-256), refilled gradually over the window. A row is changed under its row lock, so two nodes
-- never both take the last token. Rows of full buckets are deleted by the cleanup job.
create table portal_rate_limits (
    key         text primary key check (length(key) = 64),
    tokens      double precision not null,
    updated_at  timestamptz not null
);
create index portal_rate_limits_updated on portal_rate_limits (updated_at);

-- A subscriber follows either the whole status page (entry_id null) or one entry (a published bug).
alter table status_subscribers add column entry_id uuid references status_entries (bug_id) on delete cascade;
alter table status_subscribers drop constraint status_subscribers_org_id_email_key;
create unique index status_subscribers_page_email on status_subscribers (org_id, email) where entry_id is null;
create unique index status_subscribers_entry_email on status_subscribers (entry_id, email) where entry_id is not null;
create index status_subscribers_entry on status_subscribers (entry_id) where entry_id is not null;

-- The cleanup job deletes reports and subscriptions whose email was never confirmed after a while.
create index portal_reports_unconfirmed on portal_reports (created_at) where confirmed_at is null;
create index status_subscribers_unconfirmed on status_subscribers (created_at) where confirmed_at is null;

-- Challenges already answered (their SHA-256), so a replay is refused by every node; deleted once expired.
create table portal_used_challenges (
    challenge_hash  text primary key,
    expires_at      timestamptz not null
);
create index portal_used_challenges_expires on portal_used_challenges (expires_at);
