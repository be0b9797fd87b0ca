-- The bug list filtered by status and priority, sorted by update (bench/sql/README.md finding 24).
--
-- bugs_project_status_updated_idx (V3) found a status's bugs newest first, but the priority was a filter on the heap
-- row: for a rare priority (P0: 3% of STOR) the walk read ~500 bugs from the heap to keep 26 (538 buffers for
-- status=resolved&priority=P0). With the priority as the last key column, it is an index condition checked on each
-- index entry before the heap is read: 26 heap reads, 37 buffers; the order (updated_at desc, id desc) after an
-- equal status is unchanged, so the same index still serves every status filter, keyset cursors and the capped
-- counts (index-only). It replaces the old index: same number of indexes on bugs, ~3 bytes more per entry.
create index bugs_project_status_updated_priority_idx on bugs (project_id, status, updated_at desc, id desc, priority);
drop index bugs_project_status_updated_idx;
alter index bugs_project_status_updated_priority_idx rename to bugs_project_status_updated_idx;
