create table projects (
    id               uuid primary key,
    org_id           uuid not null references organizations (id) on delete cascade,
    key              text not null check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name             text not null check (length(name) between 1 and 100),
    slug             text not null,
    description      text not null default '' check (length(description) <= 10000),
    is_public        boolean not null default false,
    workflow         jsonb,
    sla_config       jsonb not null default '{"critical": "4h", "high": "24h", "medium": "1w", "low": null}',
    github_repo      text,
    next_bug_number  integer not null default 1,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (org_id, key),
    unique (org_id, slug)
);
create index projects_key_idx on projects (key);

create table project_members (
    project_id  uuid not null references projects (id) on delete cascade,
    user_id     uuid not null references users (id) on delete cascade,
    role        text not null check (role in ('admin', 'developer', 'qa', 'viewer')),
    joined_at   timestamptz not null default now(),
    primary key (project_id, user_id)
);
create index project_members_user_idx on project_members (user_id, project_id);

create table components (
    id          uuid primary key,
    project_id  uuid not null references projects (id) on delete cascade,
    name        text not null check (length(name) between 1 and 100),
    owner_id    uuid references users (id) on delete set null,
    created_at  timestamptz not null default now(),
    unique (project_id, name)
);
