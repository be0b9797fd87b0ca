-- Attachments of bugs and comments. The bytes live in object storage under random UUID keys; a row is written
-- only after the bytes were stored and checked. org_id is the quota's scope (projects never change organization).
create table attachments (
    id             uuid primary key,
    bug_id         uuid not null references bugs (id) on delete cascade,
    project_id     uuid not null references projects (id) on delete cascade,
    org_id         uuid not null references organizations (id) on delete cascade,
    comment_id     uuid references comments (id) on delete cascade,
    annotation_of  uuid references attachments (id) on delete set null,
    filename       text not null check (length(filename) between 1 and 255),
    mime_type      text not null check (mime_type ~ '^[a-z0-9.+-]+/[a-z0-9.+-]+$'),
    file_size      bigint not null check (file_size > 0),
    object_key     text not null unique,
    thumbnail_key  text unique,
    thumbnail_type text check (thumbnail_type in ('image/png', 'image/jpeg')),
    thumbnail_size bigint not null default 0 check (thumbnail_size >= 0),
    width          integer check (width > 0),
    height         integer check (height > 0),
    uploaded_by    uuid not null references users (id),
    created_at     timestamptz not null
);

-- the bug's list, keyset-paginated on (created_at, id)
create index attachments_bug_idx on attachments (bug_id, created_at, id);
-- quota: an index-only sum per organization
create index attachments_org_idx on attachments (org_id) include (file_size, thumbnail_size);
-- retention per project (joined to the bug's closed_at)
create index attachments_project_idx on attachments (project_id, bug_id);
create index attachments_comment_idx on attachments (comment_id) where comment_id is not null;
create index attachments_annotation_idx on attachments (annotation_of) where annotation_of is not null;
create index attachments_uploader_idx on attachments (uploaded_by);

-- Per-project rules; a project without a row uses the defaults.
create table attachment_settings (
    project_id                 uuid primary key references projects (id) on delete cascade,
    allowed_types              text[] not null check (cardinality(allowed_types) > 0),
    retention_days_after_close integer check (retention_days_after_close between 1 and 36500)
);

-- Stored objects whose row is gone (deleted attachment, bug, project): removed from storage by the purge after
-- commit, or by the scheduled sweep if that failed. Filled by a trigger so a cascade cannot forget it.
create table attachment_purges (
    object_key text primary key,
    queued_at  timestamptz not null default now()
);
create index attachment_purges_queued_idx on attachment_purges (queued_at);

create function attachments_queue_purge() returns trigger
    language plpgsql as
$$
begin
    insert into attachment_purges (object_key) values (old.object_key) on conflict do nothing;
    if old.thumbnail_key is not null then
        insert into attachment_purges (object_key) values (old.thumbnail_key) on conflict do nothing;
    end if;
    return old;
end
$$;

create trigger attachments_purge_objects
    after delete on attachments
    for each row execute function attachments_queue_purge();

-- The HMAC key of signed download URLs when none is configured: generated once, shared by all nodes.
create table attachment_signing_key (
    id     integer primary key check (id = 1),
    secret bytea not null check (length(secret) >= 32)
);
