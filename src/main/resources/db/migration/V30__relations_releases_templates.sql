-- Bug relations, releases (milestones) and bug templates (module bugs).

-- A link between two bugs, stored once, read from either side:
--   blocks      source blocks target (target is blocked by source)
--   parent      source is the parent of target (target is a sub-bug of source)
--   relates_to  symmetric; stored with the smaller id as source, so a pair is stored once
-- "duplicate of" stays bugs.duplicate_of (V6).
create table bug_links (
    id          uuid primary key,
    kind        text not null check (kind in ('blocks', 'parent', 'relates_to')),
    source_id   uuid not null references bugs (id) on delete cascade,
    target_id   uuid not null references bugs (id) on delete cascade,
    created_by  uuid references users (id),
    created_at  timestamptz not null,
    check (source_id <> target_id),
    check (kind <> 'relates_to' or source_id < target_id)
);
-- one link of a kind per ordered pair; also the index of a bug's links as source (is:blocking)
create unique index bug_links_source_idx on bug_links (source_id, kind, target_id);
-- a bug's links as target (is:blocked, has:parent, parent:KEY reads the source side)
create index bug_links_target_idx on bug_links (target_id, kind, source_id);
-- a sub-bug has one parent
create unique index bug_links_one_parent_idx on bug_links (target_id) where kind = 'parent';
-- (the duplicates of a bug, listed with its links, read bugs_duplicate_of_idx of V17)

-- A release (version, milestone) of a project: what bugs are fixed in and affect.
create table releases (
    id           uuid primary key,
    project_id   uuid not null references projects (id) on delete cascade,
    name         text not null check (length(name) between 1 and 40 and name !~ '[[:cntrl:],"]' and name = btrim(name)),
    description  text not null default '' check (length(description) <= 4000),
    due_on       date,
    released_on  date,
    archived     boolean not null default false,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index releases_project_name_idx on releases (project_id, lower(name));

-- Adding nullable columns without a default rewrites nothing, even on a large bugs table.
alter table bugs add column fixed_in uuid references releases (id) on delete set null;
alter table bugs add column affects uuid references releases (id) on delete set null;
-- fixed_in:1.4 / affects:1.3 and the release page: the release's bugs newest first, and its counts
create index bugs_fixed_in_idx on bugs (fixed_in, updated_at desc, id desc) where fixed_in is not null;
create index bugs_affects_idx on bugs (affects, updated_at desc, id desc) where affects is not null;

-- A kind of report a project offers when filing ("Crash", "UI glitch"): the skeleton it fills in and the
-- fields it requires.
create table bug_templates (
    id               uuid primary key,
    project_id       uuid not null references projects (id) on delete cascade,
    name             text not null check (length(name) between 1 and 60 and name = btrim(name)),
    description      text not null default '' check (length(description) <= 65536),
    steps            text not null default '' check (length(steps) <= 65536),
    required_fields  text[] not null default '{}',
    default_severity text check (default_severity in ('critical', 'high', 'medium', 'low')),
    position         integer not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index bug_templates_project_name_idx on bug_templates (project_id, lower(name));
