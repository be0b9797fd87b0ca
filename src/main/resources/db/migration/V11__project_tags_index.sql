-- The tag filter inside one project: gin (tags) alone made the planner AND its bitmap with all 100,000 entries of the
-- project in another index (tag=checkout on STOR: 50 ms); with project_id in the GIN key the index yields just the
-- project's tagged bugs (2.4 ms; bench/sql/README.md finding 12). The same index serves tags across projects, so the
-- tags-only one goes. btree_gin is a trusted contrib extension (like pg_trgm): no superuser needed.
create extension if not exists btree_gin;
create index bugs_project_tags_idx on bugs using gin (project_id, tags);
drop index bugs_tags_idx;
