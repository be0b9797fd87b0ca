-- A project's SLA targets live in projects.sla_config (the contract's {critical: "4h", high: "24h", medium: "1w",
-- low: null}, plus time_zone and business_hours), written only through the sla module.

-- A bug's SLA clock. It runs while the bug is not done and stops while it is; consumed_seconds is the counted
-- (business) time of the earlier running stretches, running_since the start of the current one (null: stopped).
-- period grows with every reopen and severity change: escalations fire once per bug, period and threshold.
create table bug_sla (
    bug_id            uuid primary key references bugs (id) on delete cascade,
    project_id        uuid not null references projects (id) on delete cascade,
    severity          text not null,
    period            integer not null default 1,
    target_minutes    integer check (target_minutes > 0),
    started_at        timestamptz not null,
    running_since     timestamptz,
    consumed_seconds  bigint not null default 0,
    due_at            timestamptz,
    next_threshold    smallint check (next_threshold in (50, 75, 100)),
    next_at           timestamptz,
    stopped_at        timestamptz,
    met               boolean,
    -- the first comment or status change by someone other than the reporter
    first_response_at timestamptz
);
-- the escalation job only ever reads the clocks about to cross a threshold
create index bug_sla_next_idx on bug_sla (next_at) where next_at is not null;
-- the dashboard's compliance series: clocks stopped in a project, by week
create index bug_sla_project_stopped_idx on bug_sla (project_id, stopped_at) where stopped_at is not null;
-- mean time to first response of the bugs filed in a period
create index bug_sla_project_started_idx on bug_sla (project_id, started_at) include (first_response_at);

-- One row per escalation sent: the unique key makes "exactly once" hold across restarts and nodes.
create table sla_escalations (
    bug_id     uuid not null references bugs (id) on delete cascade,
    period     integer not null,
    threshold  smallint not null check (threshold in (50, 75, 100)),
    fired_at   timestamptz not null default now(),
    primary key (bug_id, period, threshold)
);

-- The running SLA's state as the bug list filters and shows it; null = no running clock (done, or no target).
alter table bugs add column sla_state text check (sla_state in ('on_track', 'at_risk', 'breached'));
create index bugs_project_sla_state_idx on bugs (project_id, sla_state, updated_at desc, id desc)
    where sla_state is not null;
