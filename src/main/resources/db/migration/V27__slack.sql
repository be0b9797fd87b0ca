-- Slack (module slack). Tokens and signing secrets are sealed by platform.SecretBox
-- (purpose = slack.<column>), never stored plain.

-- The Slack workspace an organization connected: one per organization, one organization per workspace.
create table slack_workspaces (
    org_id          uuid primary key references organizations (id) on delete cascade,
    team_id         text not null unique check (team_id ~ '^[A-Z0-9]{2,32}$'),
    team_name       text not null check (length(team_name) between 1 and 200),
    team_domain     text,
    bot_user_id     text,
    bot_token       bytea not null,
    -- the workspace's own app's signing secret (pasted); null: the instance's FIXPOINT_SLACK_SIGNING_SECRET
    signing_secret  bytea,
    installed_by    uuid references users (id) on delete set null,
    connected_at    timestamptz not null
);

-- Slack users linked to Fixpoint accounts (by email match or a one-time link).
create table slack_users (
    team_id        text not null references slack_workspaces (team_id) on delete cascade,
    slack_user_id  text not null check (slack_user_id ~ '^[A-Z0-9]{2,32}$'),
    user_id        uuid not null references users (id) on delete cascade,
    linked_by      text not null check (linked_by in ('email', 'link')),
    linked_at      timestamptz not null,
    -- Slack as a delivery channel of the person's notifications (direct messages from the app)
    notify         boolean not null default false,
    primary key (team_id, slack_user_id)
);
create unique index slack_users_user_idx on slack_users (user_id, team_id);

-- One-time links offered to an unlinked Slack user (stored as SHA-256 of the code).
create table slack_link_codes (
    code_hash      text primary key,
    team_id        text not null references slack_workspaces (team_id) on delete cascade,
    slack_user_id  text not null,
    expires_at     timestamptz not null
);
create index slack_link_codes_expiry_idx on slack_link_codes (expires_at);

-- "Add to Slack": the state of a started installation (SHA-256), answered once.
create table slack_oauth_states (
    state_hash  text primary key,
    org_id      uuid not null references organizations (id) on delete cascade,
    user_id     uuid not null references users (id) on delete cascade,
    expires_at  timestamptz not null
);

-- Channels subscribed to a project's bugs, with what they want to hear about.
create table slack_subscriptions (
    id           uuid primary key,
    project_id   uuid not null references projects (id) on delete cascade,
    channel_id   text not null check (channel_id ~ '^[A-Z0-9]{2,32}$'),
    channel_name text check (length(channel_name) <= 80),
    -- bug.created, bug.resolved, bug.status_changed, bug.assigned, sla.breached
    events       text[] not null check (cardinality(events) between 1 and 5),
    -- empty: every severity
    severities   text[] not null default '{}',
    created_by   uuid references users (id) on delete set null,
    created_at   timestamptz not null
);
create index slack_subscriptions_project_idx on slack_subscriptions (project_id, created_at);

-- The one message per bug and channel, updated in place (chat.update with its ts).
create table slack_messages (
    bug_id      uuid not null references bugs (id) on delete cascade,
    team_id     text not null references slack_workspaces (team_id) on delete cascade,
    channel_id  text not null,
    ts          text not null,
    posted_at   timestamptz not null,
    primary key (bug_id, team_id, channel_id)
);
