-- The newest matches of a text, band by band (bench/sql/README.md finding 23). V60's GIN index held each bug's exact
-- updated_at and created_at: one entry per distinct time, so a band "updated since T" enumerated one index entry per
-- bug in the band, matching or not (a band of a day after a burst of 20,000 filings: ~20,000 entries, 10-20 ms).
-- Keyed by the day (UTC) instead, a band reads one entry per day, each a compressed list of the bugs of that day, and
-- the exact edge is checked on the few matching rows. The index is also smaller (11 MB instead of 29 MB on 120k
-- bugs). A scan for the words alone uses the first column as before.
create index bugs_fulltext_days_idx on bugs using gin (fulltext, ((updated_at at time zone 'UTC')::date),
    ((created_at at time zone 'UTC')::date)) with (fastupdate = off);
drop index bugs_fulltext_times_idx;
