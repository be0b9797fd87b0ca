create table comments (
    id            uuid primary key,
    bug_id        uuid not null references bugs (id) on delete cascade,
    author_id     uuid not null references users (id),
    -- replies are one level deep: a parent is always a top-level comment of the same bug
    parent_id     uuid references comments (id) on delete cascade,
    content       text not null check (length(content) <= 65536),
    content_html  text not null,
    is_internal   boolean not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    edited_at     timestamptz,
    deleted_at    timestamptz
);
create index comments_bug_idx on comments (bug_id, created_at, id);
create index comments_parent_idx on comments (parent_id) where parent_id is not null;
create index comments_author_idx on comments (author_id);
