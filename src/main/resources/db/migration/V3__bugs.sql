create table bugs (
    id                  uuid primary key,
    project_id          uuid not null references projects (id) on delete cascade,
    number              integer not null,
    title               text not null check (length(title) between 1 and 200),
    description         text not null default '' check (length(description) <= 65536),
    steps_to_reproduce  text not null default '' check (length(steps_to_reproduce) <= 65536),
    expected_behavior   text not null default '' check (length(expected_behavior) <= 65536),
    actual_behavior     text not null default '' check (length(actual_behavior) <= 65536),
    environment         jsonb not null default '{}',
    severity            text not null check (severity in ('critical', 'high', 'medium', 'low')),
    -- 0 = critical .. 3 = low: sorting by severity walks an index instead of a CASE expression
    severity_rank       smallint generated always as (case severity when 'critical' then 0 when 'high' then 1
                                                      when 'medium' then 2 else 3 end) stored,
    priority            text not null default 'P2' check (priority in ('P0', 'P1', 'P2', 'P3')),
    status              text not null check (status ~ '^[a-z][a-z0-9_]{0,39}$'),
    resolution          text,
    reporter_id         uuid not null references users (id),
    assignee_id         uuid references users (id),
    component_id        uuid references components (id) on delete set null,
    tags                text[] not null default '{}',
    due_date            date,
    sla_due_at          timestamptz,
    verified_by         uuid references users (id),
    resolved_at         timestamptz,
    closed_at           timestamptz,
    github_issue_url    text,
    linked_prs          jsonb not null default '[]',
    version             integer not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    search_vector       tsvector generated always as (
                            setweight(to_tsvector('english', title), 'A') ||
                            setweight(to_tsvector('english', description), 'B') ||
                            setweight(to_tsvector('english', steps_to_reproduce || ' ' || expected_behavior || ' ' ||
                                                             actual_behavior), 'C')) stored,
    unique (project_id, number)
);

-- Every list is "one project, some filters, ordered by a sort key, keyset-paginated by (key, id)".
create index bugs_project_updated_idx on bugs (project_id, updated_at desc, id desc);
create index bugs_project_created_idx on bugs (project_id, created_at desc, id desc);
create index bugs_project_status_updated_idx on bugs (project_id, status, updated_at desc, id desc);
create index bugs_project_assignee_updated_idx on bugs (project_id, assignee_id, updated_at desc, id desc);
create index bugs_project_reporter_updated_idx on bugs (project_id, reporter_id, updated_at desc, id desc);
create index bugs_project_severity_idx on bugs (project_id, severity_rank, id);
create index bugs_project_priority_idx on bugs (project_id, priority, id);
create index bugs_project_due_asc_idx on bugs (project_id, (coalesce(due_date, 'infinity'::date)), id);
create index bugs_project_due_desc_idx on bugs (project_id, (coalesce(due_date, '-infinity'::date)) desc, id desc);
create index bugs_tags_idx on bugs using gin (tags);
create index bugs_search_idx on bugs using gin (search_vector);
create index bugs_assignee_idx on bugs (assignee_id) where assignee_id is not null;

create table bug_history (
    id          bigint generated always as identity primary key,
    bug_id      uuid not null references bugs (id) on delete cascade,
    user_id     uuid references users (id),
    field       text not null,
    old_value   text,
    new_value   text,
    created_at  timestamptz not null default now()
);
create index bug_history_bug_idx on bug_history (bug_id, id);
