-- Public bug portal and status page (module portal), and the comment flag it reads (module comments).

-- A comment the reporter of a portal ticket sees on their tracking page and receives by email.
alter table comments add column visible_to_reporter boolean not null default false;
alter table comments add constraint comments_reporter_not_internal check (not (visible_to_reporter and is_internal));

-- One row per project whose admin configured the portal. fields: which optional fields the form asks.
create table portal_settings (
    project_id                  uuid primary key references projects (id) on delete cascade,
    enabled                     boolean not null default false,
    require_email_confirmation  boolean not null default true,
    intro                       text not null default '' check (length(intro) <= 4000),
    fields                      text[] not null,
    default_component           text check (length(default_component) <= 100),
    default_severity            text not null default 'medium'
                                check (default_severity in ('critical', 'high', 'medium', 'low')),
    updated_at                  timestamptz not null
);

-- A report sent through the portal. Until its email is confirmed (double opt-in) the report waits here
-- (draft) and no bug exists; confirming files the bug. Only SHA-256 hashes of the tracking and
-- confirmation tokens are kept. The email is never shown to viewers/QA (the module's rule).
create table portal_reports (
    id                  uuid primary key,
    ticket              text not null unique check (ticket ~ '^[A-Z][A-Z0-9]{1,9}-[0-9A-Z]{6}$'),
    project_id          uuid not null references projects (id) on delete cascade,
    -- a bug deleted (or removed as spam) leaves the report: its ticket answers "closed", its email stays blocked
    bug_id              uuid unique references bugs (id) on delete set null,
    email               text not null check (length(email) between 3 and 254),
    draft               jsonb,
    -- the tracking link's token is HMAC(portal key, ticket, salt): written again for each email, stored as a hash
    tracking_salt       text not null,
    tracking_hash       text not null unique,
    confirm_hash        text unique,
    confirmed_at        timestamptz,
    unsubscribed        boolean not null default false,
    spam_at             timestamptz,
    client_ip           text,
    created_at          timestamptz not null,
    check (bug_id is null or confirmed_at is not null)
);
create index portal_reports_project_idx on portal_reports (project_id, created_at desc);
-- the per-email flood limit counts an address's recent reports
create index portal_reports_email_idx on portal_reports (lower(email), created_at desc);

-- Files sent with a report that waits for its confirmation; handed to the attachments pipeline on confirmation.
create table portal_pending_files (
    id          uuid primary key,
    report_id   uuid not null references portal_reports (id) on delete cascade,
    filename    text not null check (length(filename) between 1 and 255),
    content     bytea not null,
    created_at  timestamptz not null
);
create index portal_pending_files_report_idx on portal_pending_files (report_id);

-- Addresses an admin marked as spam, per project: their reports are refused.
create table portal_blocked_emails (
    project_id  uuid not null references projects (id) on delete cascade,
    email       text not null,
    blocked_at  timestamptz not null,
    primary key (project_id, email)
);

-- Bugs a project admin published on the organization's status page, with their public wording. severity and
-- category (the status's: todo, in_progress, done) follow the bug (portal listens to bugs' events in their
-- transaction), so the public page never reads bugs; fixed_at: when it last moved into done.
create table status_entries (
    bug_id        uuid primary key references bugs (id) on delete cascade,
    org_id        uuid not null references organizations (id) on delete cascade,
    project_id    uuid not null references projects (id) on delete cascade,
    public_title  text not null check (length(public_title) between 1 and 200),
    public_note   text not null default '' check (length(public_note) <= 2000),
    eta           date,
    severity      text not null check (severity in ('critical', 'high', 'medium', 'low')),
    category      text not null check (category in ('todo', 'in_progress', 'done')),
    fixed_at      timestamptz,
    published_at  timestamptz not null,
    updated_at    timestamptz not null
);
create index status_entries_org_idx on status_entries (org_id, updated_at desc);
create index status_entries_title_trgm on status_entries using gin (public_title gin_trgm_ops);

-- Email subscribers of an organization's status page (double opt-in: confirmed_at set by the link).
create table status_subscribers (
    id            uuid primary key,
    org_id        uuid not null references organizations (id) on delete cascade,
    email         text not null check (length(email) between 3 and 254),
    token_salt    text not null,
    token_hash    text not null unique,
    confirmed_at  timestamptz,
    created_at    timestamptz not null,
    unique (org_id, email)
);

-- Emails to people who are not users (portal reporters, status subscribers) share the email outbox.
alter table emails alter column user_id drop not null;

-- The key that signs the portal's proof-of-work challenges, created on first use; shared by every node.
create table portal_secret (
    id          smallint primary key check (id = 1),
    secret      bytea not null,
    created_at  timestamptz not null
);
