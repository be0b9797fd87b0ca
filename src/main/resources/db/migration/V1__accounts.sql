create extension if not exists pg_trgm;
create extension if not exists citext;

create table organizations (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 100),
    slug        text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    created_at  timestamptz not null default now()
);

create table users (
    id             uuid primary key,
    email          citext not null unique check (length(email) between 3 and 254),
    username       citext not null unique check (username ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{1,38}$'),
    name           text not null check (length(name) between 1 and 100),
    password_hash  text not null,
    is_site_admin  boolean not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create table organization_members (
    org_id     uuid not null references organizations (id) on delete cascade,
    user_id    uuid not null references users (id) on delete cascade,
    role       text not null check (role in ('admin', 'member')),
    joined_at  timestamptz not null default now(),
    primary key (org_id, user_id)
);
create index organization_members_user_idx on organization_members (user_id);

-- API tokens: issued by login/signup ('session') or created by the user ('personal'). Only a SHA-256 hash is kept.
create table api_tokens (
    id            uuid primary key,
    user_id       uuid not null references users (id) on delete cascade,
    name          text not null check (length(name) between 1 and 100),
    kind          text not null check (kind in ('login', 'personal')),
    token_hash    bytea not null unique,
    token_prefix  text not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    expires_at    timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id, created_at);

-- Spring Session (JDBC) for browser sessions, so several app nodes can share them.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null unique,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
