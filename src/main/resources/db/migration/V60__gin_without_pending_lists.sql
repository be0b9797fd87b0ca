-- Texts on the bug list, sorted by updated or created (bench/sql/README.md finding 22).
--
-- 1. The GIN index of the texts also holds updated_at and created_at (btree_gin, V11), so "matches of these words
--    among the bugs updated since T" is one index scan: the list reads the newest matches of a word band by band
--    (BugRepository.newestMatches) and the heap only for the matches inside the band. With the times in a separate
--    B-tree the planner chose between ANDing the two bitmaps and reading every match of the words from the heap by
--    its estimate of the words' matches, which is 20x too low for two words that go together ("session expires":
--    182 estimated, 3,606 real; 3,360 heap pages read instead of 16). A scan for the words alone uses the first column
--    as before.
-- 2. No pending list (fastupdate off) on the GIN indexes a bug list reads. With it, every filing appended its entries
--    to an unsorted list (up to gin_pending_list_limit, 4 MB: ~20,000 short bugs) that every later search scanned in
--    full until a vacuum or an unlucky filing merged it: 3,000 filings added 40-55 ms to each GIN scan of a common
--    word here. Now a filing or an edit writes its entries into the index at once, and a search reads only the index.
create index bugs_fulltext_times_idx on bugs using gin (fulltext, updated_at, created_at) with (fastupdate = off);
drop index bugs_fulltext_idx;
alter index bugs_project_tags_idx set (fastupdate = off);
-- turning it off does not merge what the list already holds
select gin_clean_pending_list('bugs_project_tags_idx'::regclass);
