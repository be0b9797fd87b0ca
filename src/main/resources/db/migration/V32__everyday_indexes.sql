-- Plans on 100,000 bugs: bench/sql/mywork/README.md and bench/sql/relations/README.md.

-- My work's "Assigned to you" (assignee:me is:open sort:urgency) and "Due soon" (assignee:me is:open due:<=day
-- sort:due), one lateral walk per project: the person's open bugs already in the list's order. Without them a busy
-- person's page read every open bug of theirs (2,500) and sorted it.
create index bugs_open_assignee_urgency_idx on bugs (project_id, assignee_id,
    ((ascii(substr(priority, 2, 1)) - 48) * 10000000 + least(greatest(coalesce(due_date - date '2000-01-01', 9999999), 0), 9999999)), id)
    where resolved_at is null and assignee_id is not null;
create index bugs_open_assignee_due_idx on bugs (project_id, assignee_id, (coalesce(due_date, 'infinity'::date)), id)
    where resolved_at is null and assignee_id is not null;

-- A release's open and resolved counts (ReleaseRepository): two ranges of an index-only scan instead of visiting
-- every bug of the release (1 s for ten releases of 2,400 bugs).
create index bugs_fixed_in_resolved_idx on bugs (fixed_in, resolved_at) where fixed_in is not null;
