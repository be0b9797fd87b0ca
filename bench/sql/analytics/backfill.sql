-- Rebuilds every analytics rollup from bugs and bug_history (the migration V36's analytics_rebuild(), which does what
-- the backfills of V15 and V19 did). bench/data/Generate.java calls it at the end of a data set; this is for a data set
-- generated before it did, or loaded by other means.
-- usage: psql -h localhost -p PG_PORT -U postgres -f bench/sql/analytics/backfill.sql postgres   (~40 s for 150k bugs)
begin;
select analytics_rebuild();
commit;
-- the rollup tables proper (V47: the names above are views over these and their deltas)
analyze analytics_daily_folded, analytics_daily_tags_folded, analytics_status_time_folded, analytics_open_folded, analytics_open_assignees_folded, analytics_open_days_folded, analytics_open_tags_folded, analytics_tag_days_folded, analytics_status_days_folded, analytics_status_time_tags_folded;
