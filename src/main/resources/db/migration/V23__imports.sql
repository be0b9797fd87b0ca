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
    source           text not null check (source in ('jira_csv', 'linear_csv', 'csv', 'json')),
    dry_run          boolean not null,
    mapping          jsonb not null default '{}',
    filename         text not null check (length(filename) <= 255),
    size_bytes       bigint not null,
    charset          text,
    state            text not null check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
    total            integer,
    processed        integer not null default 0,
    created          integer not null default 0,
    updated          integer not null default 0,
    skipped          integer not null default 0,
    warning_count    integer not null default 0,
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
