-- Offline triage (module triage): a sentence embedding per bug, what people did with the suggestions, and which
-- suggestions a project wants.

-- One row per bug: its vector (all-MiniLM-L6-v2, 384 dimensions, the unit vector scaled by 127 and stored as signed
-- bytes: 384 bytes a bug, the same bytes the in-memory index keeps), or, when the text gave nothing to embed, no
-- vector and the reason. A row whose model is 'none' is still to embed (every bug filed before this migration, those
-- filed while the model was off): the embedding backfill (platform.Backfills) walks the rows whose model is not the
-- current one in bug_id order, claiming them FOR UPDATE SKIP LOCKED. The title is kept for the lexical half of the
-- hybrid ranking (trigram word similarity), next to the vector it is ranked with. seq grows on every write: a node's in-memory index reads
-- only the rows past the last it saw (plus a small overlap for transactions still in flight).
create sequence triage_vectors_seq;
create table triage_vectors (
    bug_id       uuid primary key references bugs (id) on delete cascade,
    project_id   uuid not null references projects (id) on delete cascade,
    title        text not null,
    model        text not null,
    vector       bytea check (vector is null or length(vector) = 384),
    skipped      text check (skipped is null or length(skipped) <= 200),
    embedded_at  timestamptz not null,
    seq          bigint not null default nextval('triage_vectors_seq'),
    check ((vector is null) <> (skipped is null))
);
create index triage_vectors_project_seq_idx on triage_vectors (project_id, seq);
create index triage_vectors_title_trgm_idx on triage_vectors using gin (title gin_trgm_ops);

-- Every bug filed before this migration: its title at once, so the lexical half of "similar bugs" finds every bug
-- from the start, as before; its report to embed by the backfill.
insert into triage_vectors (bug_id, project_id, title, model, vector, skipped, embedded_at)
select id, project_id, title, 'none', null, 'queued for embedding', now() from bugs;

-- Accepting or dismissing a suggestion, for the acceptance rate admins see.
create table triage_feedback (
    id          bigint generated always as identity primary key,
    project_id  uuid not null references projects (id) on delete cascade,
    bug_id      uuid not null references bugs (id) on delete cascade,
    user_id     uuid not null references users (id),
    kind        text not null check (kind in ('severity', 'priority', 'assignee', 'duplicate')),
    value       text not null check (length(value) between 1 and 100),
    decision    text not null check (decision in ('accepted', 'dismissed')),
    created_at  timestamptz not null
);
create index triage_feedback_project_idx on triage_feedback (project_id, kind, decision);
create index triage_feedback_bug_idx on triage_feedback (bug_id, kind);

-- Per project, which suggestions are shown (all on by default: no row = all on).
create table triage_settings (
    project_id  uuid primary key references projects (id) on delete cascade,
    duplicates  boolean not null default true,
    severity    boolean not null default true,
    priority    boolean not null default true,
    assignee    boolean not null default true
);
