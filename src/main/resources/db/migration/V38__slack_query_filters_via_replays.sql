-- Slack, second part (issue 17).

-- A subscription may narrow its events to the bugs matching a query in the search language
-- (component:checkout label:payments priority:p1); null: every bug.
alter table slack_subscriptions
    add column query text check (length(query) between 1 and 1000);

-- Where a change was made when not in Fixpoint itself: 'slack' for what a linked person did from Slack
-- (buttons, /report-bug, the "Report as bug" shortcut). Null: Fixpoint's own pages or API.
-- No default, so adding the column rewrites nothing.
alter table bug_history
    add column via text check (via ~ '^[a-z][a-z0-9_]{0,31}$');

-- Slack's signed requests already taken, shared by every node: a replay (the same signature again, within the
-- 5-minute window its timestamp allows) conflicts on the primary key and is refused. Rows are useless once their
-- timestamp is out of the window; SeenRequests.prune deletes them.
create table slack_requests_seen (
    -- SHA-256 of X-Slack-Signature, hex
    signature_hash text primary key check (signature_hash ~ '^[0-9a-f]{64}$'),
    signed_at      timestamptz not null
);
create index slack_requests_seen_signed_idx on slack_requests_seen (signed_at);
