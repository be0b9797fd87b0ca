-- Full-text search reads one stored vector instead of concatenating two per row (search_vector || comment_vector):
-- title (A), description (B), the repro fields (C) and public comments (D, kept in comment_vector by the
-- comments trigger of V5). PostgreSQL recomputes it whenever the row changes, comment_vector included.
alter table bugs add column fulltext tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', description), 'B') ||
        setweight(to_tsvector('english', steps_to_reproduce || ' ' || expected_behavior || ' ' || actual_behavior), 'C') ||
        comment_vector) stored;
drop index bugs_fulltext_idx;
alter table bugs drop column search_vector;
create index bugs_fulltext_idx on bugs using gin (fulltext);

-- Searches rank the most recently updated matches. A common word ("pa" as you type matches most bugs) is found by
-- walking the bugs newest first and stopping after enough matches; a rare one by the GIN index. Inside one project
-- bugs_project_updated_idx serves the walk; across all of a user's projects this one does (bench/sql/README.md).
create index bugs_updated_idx on bugs (updated_at desc, id desc);

-- Deleting a bug sets duplicate_of of its duplicates to null: without this index every delete read the whole table.
create index bugs_duplicate_of_idx on bugs (duplicate_of) where duplicate_of is not null;
-- Same for deleting a component (component_id set null), and the component filter across projects.
create index bugs_component_idx on bugs (component_id) where component_id is not null;
