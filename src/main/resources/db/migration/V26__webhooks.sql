-- Outbound webhooks (module webhooks). A webhook belongs to a project and is owned by the admin who added it: its
-- deliveries show bugs as the API shows them to a member with the owner's role. The secret is sealed by
-- platform.SecretBox (purpose 'webhook'). Deliveries are the log (30 days, WebhookRetention) and the unit of sending:
-- each one leaves through the outbox (consumer 'webhook-sender', ordered per webhook and bug).
create table webhooks (
    id               uuid primary key,
    project_id       uuid not null references projects (id) on delete cascade,
    owner_id         uuid not null references users (id) on delete cascade,
    url              text not null check (length(url) <= 2000),
    events           text[] not null,
    filter           text check (length(filter) <= 1000),
    internal_notes   boolean not null default false,  -- comment.created also for internal notes
    secret           bytea not null,
    active           boolean not null default true,
    disabled_reason  text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index webhooks_project on webhooks (project_id);

create table webhook_deliveries (
    id               uuid primary key,                -- X-Fixpoint-Delivery, the receiver's idempotency key
    webhook_id       uuid not null references webhooks (id) on delete cascade,
    event            text not null,
    bug_id           uuid,                            -- null for ping
    body             text not null,                   -- the raw JSON body, exactly as signed and sent
    redelivery_of    uuid,
    created_at       timestamptz not null,
    state            text not null default 'pending'
                     check (state in ('pending', 'delivered', 'failed', 'refused', 'skipped')),
    attempts         integer not null default 0,
    status_code      integer,                         -- of the last attempt; null: no answer
    error            text,                            -- why the last attempt failed (timeout, refused address...)
    duration_ms      integer,
    response_excerpt text,                            -- the first 2,000 characters of the last answer
    last_attempt_at  timestamptz
);
create index webhook_deliveries_log on webhook_deliveries (webhook_id, created_at desc, id desc);
create index webhook_deliveries_age on webhook_deliveries (created_at);
