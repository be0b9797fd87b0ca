-- The statements behind bench/curve.sh's list and search kinds (bench/wrk/filtered.lua, search.lua), shapes copied
-- from BugListQuery.build / window / sortedMatches and BugRepository.list, each preceded by "-- name: <name>":
--   QUERIES=$PWD/bench/sql/curve/queries.sql bench/sql/explain.sh PG_PORT bench/sql/curve/<size>
-- The project: STOR (the only one of a curve data set). The list: status + priority, sort -updated, 25 + 1 rows; the
-- rarest pairs of filtered.lua are resolved/in_progress + P0. The search (?q=word on the list): a text filter, so
-- BugRepository.list walks the newest 2,000 bugs (50,000 when the planner expects more than 5,000 matches) and reads
-- the matches sorted only when that walk held fewer than a page. The board's count per status (capped at 1,001) and
-- its first column (open by priority, 50 cards) close the file.

-- prelude
select id as pid from projects where key = 'STOR' \gset
-- end prelude

-- name: list-open-p1
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.status in ('open') and b.priority in ('P1') order by b.updated_at desc, b.id desc limit 26;

-- name: list-resolved-p0
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.status in ('resolved') and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: list-in-progress-p0
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.status in ('in_progress') and b.priority in ('P0') order by b.updated_at desc, b.id desc limit 26;

-- name: search-timeout-window-2000
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 2000) b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'timeout') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-timeout-window-50000
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 50000) b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'timeout') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-timeout-sorted
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'timeout') order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-timeout-estimate
select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'timeout');

-- name: search-deadlock-window-2000
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 2000) b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'deadlock') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-deadlock-window-50000
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 50000) b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'deadlock') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-deadlock-sorted
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'deadlock') order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-deadlock-estimate
select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'deadlock');

-- name: search-session-expires-window-2000
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 2000) b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'session expires') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-session-expires-window-50000
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 50000) b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'session expires') order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-session-expires-sorted
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'session expires') order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: search-session-expires-estimate
select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.fulltext @@ websearch_to_tsquery('english', 'session expires');

-- name: board-count-by-status
select s.status, (select count(*) from (select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.status = s.status limit 1001) c) as n from unnest(cast('{open,in_progress,resolved,closed,verified}' as text[])) as s(status);

-- name: board-open-by-priority
select b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce, b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority, b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at, b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs, b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid' and b.status in ('open') order by b.priority asc, b.id asc limit 51;
