-- Self-service accounts (issue 19): profile settings, deactivation, email verification.
alter table users add column time_zone text not null default 'UTC' check (length(time_zone) between 1 and 64);
alter table users add column theme text not null default 'system' check (theme in ('system', 'light', 'dark'));
alter table users add column email_verified_at timestamptz;
alter table users add column deactivated_at timestamptz;
alter table users add column deleted_at timestamptz;
-- people who signed up before verification existed count as verified
update users set email_verified_at = created_at where kind = 'person';

-- Read-only API tokens: refused on every method but GET/HEAD/OPTIONS by the API filter chain.
alter table api_tokens add column read_only boolean not null default false;

-- Single-use links sent by email: password reset (1 h), email change and verification, invitations.
-- Only a SHA-256 of the secret is kept; a used or expired row never matches again.
create table account_links (
    id           uuid primary key,
    purpose      text not null check (purpose in ('password_reset', 'email_change', 'email_verification', 'invitation')),
    token_hash   bytea not null unique,
    user_id      uuid references users (id) on delete cascade,
    email        citext not null,
    payload      jsonb not null default '{}',
    created_by   uuid references users (id) on delete set null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index account_links_user_idx on account_links (user_id, purpose) where used_at is null;
create index account_links_expiry_idx on account_links (expires_at);
-- an organization's pending invitations
create index account_links_invitation_org_idx on account_links ((payload ->> 'org'), created_at desc)
    where purpose = 'invitation' and used_at is null;

-- A deleted person's row stays (bugs, comments and history point at it) as "Deleted user N".
create sequence deleted_user_number;

-- Each finished backup (backup module), for the system status page.
create table backup_runs (
    id           uuid primary key,
    finished_at  timestamptz not null,
    archive      text not null,
    bytes        bigint not null,
    rows         bigint not null
);

-- Instance settings a site admin changes at runtime (one row). The SMTP password is sealed with the
-- installation's secret key (platform.SecretBox), never stored in clear; an empty smtp_host falls back to
-- FIXPOINT_SMTP_*. No row until the first change: the defaults below (an installation nobody used stays empty
-- for the backup module's restore).
create table instance_settings (
    id                     int primary key check (id = 1),
    instance_name          text not null default 'Fixpoint' check (length(instance_name) between 1 and 100),
    signup_mode            text not null default 'open' check (signup_mode in ('open', 'invite_only', 'closed')),
    allowed_email_domains  text not null default '' check (length(allowed_email_domains) <= 2000),
    require_verified_email boolean not null default false,
    smtp_host              text not null default '' check (length(smtp_host) <= 255),
    smtp_port              integer not null default 587 check (smtp_port between 1 and 65535),
    smtp_username          text not null default '' check (length(smtp_username) <= 255),
    smtp_password          bytea,
    smtp_tls               text not null default 'starttls' check (smtp_tls in ('starttls', 'ssl', 'none')),
    smtp_from              text not null default '' check (length(smtp_from) <= 255),
    updated_at             timestamptz not null default now()
);

-- Plans as data (FIXPOINT_PLANS=on): a site admin sets an organization's plan.
alter table organizations add column plan text not null default 'free' check (plan in ('free', 'team', 'enterprise'));

-- Retention of closed bugs per project: delete or anonymise after N days (null: keep forever).
alter table projects add column retention_days integer check (retention_days between 1 and 36500);
alter table projects add column retention_action text not null default 'anonymise'
    check (retention_action in ('delete', 'anonymise'));

-- The audit log: append-only (no update but a deleted person's redaction; no delete but the retention job's).
create table audit_events (
    id          uuid primary key,
    org_id      uuid,
    actor_id    uuid,
    action      text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
    target_type text,
    target_id   text,
    target_name text,
    ip          text,
    user_agent  text check (length(user_agent) <= 500),
    before      jsonb,
    after       jsonb,
    created_at  timestamptz not null
);
create index audit_events_org_idx on audit_events (org_id, created_at desc, id desc);
create index audit_events_actor_idx on audit_events (actor_id, created_at desc, id desc);
create index audit_events_created_idx on audit_events (created_at);

create or replace function audit_events_append_only() returns trigger language plpgsql as $$
begin
    -- the one exception: erasing a deleted person's data (GDPR) inside its own transaction
    if coalesce(current_setting('fixpoint.audit_redaction', true), '') <> 'on' then
        raise exception 'audit_events is append-only';
    end if;
    return new;
end $$;
create trigger audit_events_no_update before update on audit_events
    for each row execute function audit_events_append_only();
