-- Imports (the imports module): a bug brought in from another tracker remembers where it came from. (source, original
-- id) is its identity there: a re-run of the same import finds it and updates it instead of filing it again. The
-- original key (WEB-123) and its URL are kept: typing the key finds the bug (BugRepository.findByImportKey).
alter table bugs
    add column import_source text check (import_source ~ '^[a-z][a-z0-9_]{0,39}$'),
    add column import_id     text check (length(import_id) <= 200),
    add column import_key    text check (length(import_key) <= 200),
    add column import_url    text check (length(import_url) <= 2000),
    add constraint bugs_import_id_with_source check ((import_source is null) = (import_id is null));
create unique index bugs_import_idx on bugs (project_id, import_source, import_id) where import_id is not null;
create index bugs_import_key_idx on bugs (upper(import_key)) where import_key is not null;

-- Comments brought in with their bug: the same identity per bug, so a re-run does not add them twice.
alter table comments add column import_id text check (length(import_id) <= 200);
create unique index comments_import_idx on comments (bug_id, import_id) where import_id is not null;

-- An import job: queued by a project admin, claimed by one node (FOR UPDATE SKIP LOCKED, then a heartbeat; a job whose
-- heartbeat stopped is claimed again and continues after its last committed batch: processed counts rows committed
-- with the batch that wrote them).
create table import_jobs (
    id               uuid primary key,
    project_id       uuid not null references projects (id) on delete cascade,
    created_by       uuid not null references users (id),
    source           text not null check (source in ('jira_csv', 'linear_csv', 'csv', 'json', 'jira_api',
                                                     'redmine_api', 'github_api')),
    -- an API source's address, user and scope (project, JQL, repository); its token sealed (platform.SecretBox) in
    -- secret, kept only until the job ends
    connection       jsonb,
    secret           bytea,
    dry_run          boolean not null,
    mapping          jsonb not null default '{}',
    filename         text not null check (length(filename) <= 255),
    size_bytes       bigint not null,
    charset          text,
    state            text not null check (state in ('queued', 'running', 'done', 'failed', 'cancelled', 'undone')),
    total            integer,
    processed        integer not null default 0,
    created          integer not null default 0,
    updated          integer not null default 0,
    skipped          integer not null default 0,
    warning_count    integer not null default 0,
    comments         integer not null default 0,   -- comments added
    links            integer not null default 0,   -- links written (duplicates, history entries)
    attachments      integer not null default 0,   -- attachments downloaded
    report           jsonb,           -- the dry run's (and the run's) counts per status, severity, assignee
    error            text,
    cancel_requested boolean not null default false,
    claimed_by       text,
    heartbeat_at     timestamptz,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz
);
create index import_jobs_project_idx on import_jobs (project_id, created_at desc);
create index import_jobs_pending_idx on import_jobs (created_at) where state in ('queued', 'running');

-- The uploaded file, in 1 MiB pieces: every node can read it, and a resumed job reads it again from the start.
create table import_job_chunks (
    job_id  uuid not null references import_jobs (id) on delete cascade,
    seq     integer not null,
    data    bytea not null,
    primary key (job_id, seq)
);

-- Row-level warnings with the file's line number, written with the batch they belong to.
create table import_warnings (
    job_id   uuid not null references import_jobs (id) on delete cascade,
    seq      integer not null,
    line     integer,
    original text,
    message  text not null,
    primary key (job_id, seq)
);

-- Which job created an imported bug: an import can be undone (its bugs deleted) while none of them changed since.
alter table bugs add column import_job uuid;
create index bugs_import_job_idx on bugs (import_job) where import_job is not null;

-- Duplicates and other links between imported bugs, resolved when the job's last batch is written (the target may
-- come later in the file): a duplicate sets duplicate_of, another link becomes a "linked" history entry.
create table import_links (
    job_id     uuid not null references import_jobs (id) on delete cascade,
    from_id    text not null,
    kind       text not null check (length(kind) <= 100),
    target_key text not null check (length(target_key) <= 200),
    primary key (job_id, from_id, kind, target_key)
);


-- ---------------------------------------------------------------------------------------------- set-based triggers
-- An import writes hundreds of bugs (and their comments) in one statement. The per-row triggers of V19 (open-bug
-- rollups) and V5 (comments' text in bugs.comment_vector) ran their statements once per row: four upserts per
-- imported open bug, one update of the bug per imported comment. For inserts and deletes they now run once per
-- statement over its transition table (the same counts, grouped); a single filing is one row either way. Updates
-- keep the per-row triggers (they fire only when a counted column changed).
drop trigger bugs_analytics_open_insert on bugs;
drop trigger bugs_analytics_open_delete on bugs;

create function analytics_open_count_rows() returns trigger language plpgsql as $$
declare
    -- the transition table is named "changed" by both triggers: the inserted rows count up, the deleted ones down
    d integer := case when tg_op = 'INSERT' then 1 else -1 end;
begin
    insert into analytics_open as t (project_id, severity, component_id, priority, status, n)
    select project_id, severity, coalesce(component_id, '00000000-0000-0000-0000-000000000000'), priority, status,
           d * count(*)
    from changed c
    where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict (project_id, severity, component_id, priority, status) do update set n = t.n + excluded.n;

    insert into analytics_open_assignees as t (project_id, assignee_id, severity, status, n)
    select project_id, assignee_id, severity, status, d * count(*)
    from changed c
    where c.resolved_at is null and c.assignee_id is not null
      and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (project_id, assignee_id, severity, status) do update set n = t.n + excluded.n;

    insert into analytics_open_days as t (project_id, day, severity, component_id, n)
    select project_id, (created_at at time zone 'UTC')::date, severity,
           coalesce(component_id, '00000000-0000-0000-0000-000000000000'), d * count(*)
    from changed c
    where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (project_id, day, severity, component_id) do update set n = t.n + excluded.n;

    insert into analytics_open_tags as t (project_id, tag, severity, component_id, n)
    select c.project_id, g.tag, c.severity, coalesce(c.component_id, '00000000-0000-0000-0000-000000000000'),
           d * count(*)
    from changed c cross join lateral (select distinct unnest(c.tags) as tag) g
    where c.resolved_at is null and (d = 1 or exists (select 1 from projects p where p.id = c.project_id))
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (project_id, tag, severity, component_id) do update set n = t.n + excluded.n;
    return null;
end
$$;

create trigger bugs_analytics_open_insert after insert on bugs
    referencing new table as changed for each statement execute function analytics_open_count_rows();
create trigger bugs_analytics_open_delete after delete on bugs
    referencing old table as changed for each statement execute function analytics_open_count_rows();

-- Comments: the text of a bug's public comments in their order (created_at, id), so whoever computes it from the
-- same comments gets the same vector; a bug whose vector is already right is not written again (an import stores
-- it with the bug, then inserts the comments).
create or replace function bugs_refresh_comment_vector(target uuid) returns void language sql as $$
    update bugs set comment_vector = v.vector
    from (select coalesce((
              select setweight(to_tsvector('english', string_agg(content, ' ' order by created_at, id)), 'D')
              from comments
              where bug_id = target and not is_internal and deleted_at is null), ''::tsvector) as vector) v
    where id = target and comment_vector is distinct from v.vector;
$$;

create function comments_search_inserted() returns trigger language plpgsql as $$
begin
    perform bugs_refresh_comment_vector(a.bug_id) from (select distinct bug_id from added order by bug_id) a;
    return null;
end;
$$;

drop trigger comments_search on comments;
create trigger comments_search_insert after insert on comments
    referencing new table as added for each statement execute function comments_search_inserted();
create trigger comments_search after update of content, is_internal, deleted_at or delete on comments
    for each row execute function comments_search_trigger();

-- Attachments named by an import (Jira's "Attachment" cells, the APIs' attachment lists), downloaded after the job's
-- rows are written, outside any transaction, through the attachments pipeline. Keyed per project, source, issue and
-- URL, so a re-run downloads only what is new (or failed before); job_id is the job that fetches it.
create table import_attachments (
    project_id uuid not null references projects (id) on delete cascade,
    source     text not null,
    from_id    text not null,
    url        text not null check (length(url) <= 2000),
    filename   text not null check (length(filename) <= 255),
    job_id     uuid not null references import_jobs (id) on delete cascade,
    state      text not null default 'pending' check (state in ('pending', 'done', 'failed')),
    primary key (project_id, source, from_id, url)
);
create index import_attachments_job_idx on import_attachments (job_id) where state = 'pending';
