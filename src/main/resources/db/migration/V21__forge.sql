-- GitHub repositories and GitLab projects linked to a project (module forge). Secrets and
-- tokens are sealed by platform.SecretBox (purpose = the column name), never stored plain.
create table forge_links (
    id               uuid primary key,
    project_id       uuid not null references projects (id) on delete cascade,
    forge            text not null check (forge in ('github', 'gitlab')),
    -- owner/name (GitHub) or the project's path with namespace (GitLab), as written by the admin
    repository       text not null check (length(repository) between 1 and 255),
    -- GitLab's numeric project id, when the admin gave it instead of a path
    forge_project_id bigint,
    instance_url     text not null,
    webhook_secret   bytea not null,
    access_token     bytea,
    opened_status    text,
    merged_status    text not null default 'resolved',
    created_at       timestamptz not null,
    unique (project_id, forge, repository)
);
-- deliveries find their links by the repository the payload names
create index forge_links_repository_idx on forge_links (forge, lower(repository));
create index forge_links_project_idx on forge_links (project_id, created_at);

-- Every delivery received, kept 30 days (ForgeDeliveryRetention).
create table forge_deliveries (
    id           uuid primary key,
    forge        text not null check (forge in ('github', 'gitlab')),
    delivery_id  text,
    link_id      uuid references forge_links (id) on delete cascade,
    project_id   uuid references projects (id) on delete cascade,
    event        text not null,
    action       text,
    repository   text,
    verdict      text not null check (verdict in ('applied', 'ignored', 'failed', 'replayed', 'rejected')),
    outcome      text not null default '',
    error        text,
    -- the raw body, kept for a failed delivery so an admin can redeliver it
    body         bytea,
    received_at  timestamptz not null
);
-- replay protection: a delivery id is applied once per forge
create unique index forge_deliveries_once_idx on forge_deliveries (forge, delivery_id)
    where delivery_id is not null and verdict in ('applied', 'ignored', 'failed');
create index forge_deliveries_link_idx on forge_deliveries (link_id, received_at desc);
create index forge_deliveries_received_idx on forge_deliveries (received_at);

-- The one comment Fixpoint keeps on a pull/merge request per bug (updated, never repeated).
create table forge_comments (
    link_id     uuid not null references forge_links (id) on delete cascade,
    number      bigint not null,
    bug_id      uuid not null references bugs (id) on delete cascade,
    comment_id  bigint not null,
    primary key (link_id, number, bug_id)
);

-- Forge issues linked to bugs, for the two-way close/reopen sync.
create table forge_issues (
    link_id     uuid not null references forge_links (id) on delete cascade,
    number      bigint not null,
    bug_id      uuid not null references bugs (id) on delete cascade,
    url         text not null,
    -- the state we last set on the forge: its webhook echo is recognised and ignored
    pushed_state text,
    primary key (link_id, number)
);
create index forge_issues_bug_idx on forge_issues (bug_id);

-- What the project shows of its first links (PATCH /api/projects/{id}), kept by forge.
alter table projects add column github_webhook_secret_set boolean not null default false;
alter table projects add column gitlab_project text;
alter table projects add column gitlab_webhook_token_set boolean not null default false;
