-- per-component cost of writing 2,000 imported bugs (copies of existing ones), each variant in a rolled-back tx
-- run by bench/imports/run.sh --sql bench/imports/explain.sql after an import: the timings are noisy on a loaded
-- machine (compare variants run back to back, and run it twice); "Trigger ...: time=" lines give the FK checks and triggers
\timing on
select 'bug_number_' || replace(id::text, '-', '') as seq, id as project from projects where key = 'SHOP' \gset
\set ins 'insert into bugs (id, project_id, number, title, description, severity, priority, status, resolution, reporter_id, assignee_id, tags, due_date, resolved_at, closed_at, created_at, updated_at, import_source, import_id, import_key, import_url, import_job, comment_vector) select gen_random_uuid(), project_id, nextval(:''seq''), title, description, severity, priority, status, resolution, reporter_id, assignee_id, tags, due_date, resolved_at, closed_at, created_at, updated_at, import_source, ''x'' || import_id || ''-'' || :''run'', import_key, import_url, import_job, coalesce(setweight(to_tsvector(''english'', title), ''D''), '''') from bugs where import_id is not null and import_id not like ''x%'' order by number limit 2000'
\set run 1
\echo === all indexes
begin; set local synchronous_commit = off; set local gin_pending_list_limit = 16384; explain (analyze, buffers) :ins; rollback;
\echo === no fulltext GIN
begin; set local gin_pending_list_limit = 16384; drop index bugs_fulltext_idx; explain (analyze, buffers) :ins; rollback;
\echo === no trigram GIN
begin; set local gin_pending_list_limit = 16384; drop index bugs_title_trgm_idx; explain (analyze, buffers) :ins; rollback;
\echo === no tags GIN
begin; set local gin_pending_list_limit = 16384; drop index bugs_project_tags_idx; explain (analyze, buffers) :ins; rollback;
\echo === no import_job index
begin; set local gin_pending_list_limit = 16384; drop index bugs_import_job_idx; explain (analyze, buffers) :ins; rollback;
\echo === no secondary btree (only pkey, number, import identity)
begin; set local gin_pending_list_limit = 16384;
drop index bugs_project_status_updated_idx, bugs_project_assignee_updated_idx, bugs_project_reporter_updated_idx,
  bugs_project_severity_idx, bugs_project_priority_idx, bugs_project_due_asc_idx, bugs_project_due_desc_idx,
  bugs_updated_idx, bugs_project_created_idx, bugs_project_updated_idx, bugs_project_open_idx, bugs_project_resolved_idx,
  bugs_import_key_idx, bugs_import_job_idx;
explain (analyze, buffers) :ins; rollback;
\echo === all indexes again
begin; set local gin_pending_list_limit = 16384; explain (analyze, buffers) :ins; rollback;
\echo === no triggers, no FK checks (replica)
begin; set local gin_pending_list_limit = 16384; set local session_replication_role = replica; explain (analyze, buffers) :ins; rollback;
\echo === select only (the rows, the vectors)
explain (analyze, buffers) select gen_random_uuid(), setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', description), 'B') from bugs where import_id is not null order by number limit 2000;
\echo === the comments trigger check of 2,000 imported bugs whose vector is already right (what an import pays)
begin; explain (analyze) select bugs_refresh_comment_vector(b.id) from (select distinct bug_id as id from comments where import_id is not null limit 2000) b; rollback;
\echo === the same check set-based (V43: one update over the statement bugs)
begin; explain (analyze) update bugs b set comment_vector = v.vector
from (select a.bug_id, coalesce((
          select setweight(to_tsvector('english', string_agg(c.content, ' ' order by c.created_at, c.id)), 'D')
          from comments c
          where c.bug_id = a.bug_id and not c.is_internal and c.deleted_at is null), ''::tsvector) as vector
      from (select distinct bug_id from comments where import_id is not null limit 2000) a) v
where b.id = v.bug_id and b.comment_vector is distinct from v.vector; rollback;
\echo === comments: 2,000 copies (their bug vectors change: the trigger rewrites 2,000 bugs, more than an import)
begin; explain (analyze, buffers) insert into comments (id, bug_id, author_id, content, content_html, created_at, updated_at, renderer, import_id) select gen_random_uuid(), bug_id, author_id, content, content_html, created_at, updated_at, renderer, 'x' || import_id from comments where import_id is not null limit 2000; rollback;
\echo === comments without triggers
begin; set local session_replication_role = replica; explain (analyze, buffers) insert into comments (id, bug_id, author_id, content, content_html, created_at, updated_at, renderer, import_id) select gen_random_uuid(), bug_id, author_id, content, content_html, created_at, updated_at, renderer, 'x' || import_id from comments where import_id is not null limit 2000; rollback;
\echo === history
begin; explain (analyze, buffers) insert into bug_history (bug_id, user_id, field, old_value, new_value, created_at) select id, reporter_id, 'imported', null, 'imported from Jira ' || import_key, created_at from bugs where import_id is not null order by number limit 2000; rollback;
\echo === checkpoints, WAL
select * from pg_stat_checkpointer;
select * from pg_stat_wal;
select pg_size_pretty(pg_total_relation_size('bugs')) as bugs_total, pg_size_pretty(pg_relation_size('bugs')) as bugs_heap;
select indexrelname, pg_size_pretty(pg_relation_size(indexrelid)), idx_scan from pg_stat_user_indexes where relname = 'bugs' order by pg_relation_size(indexrelid) desc;
\echo === analytics rollups (created) for 2,000 bugs
begin; explain (analyze, buffers) with b as (
    select b.project_id, (b.created_at at time zone 'UTC')::date as day, b.severity,
        coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid) as component_id, b.tags,
        1 as c, 0 as r, 0 as o
    from bugs b where b.id = any(array(select id from bugs where import_id is not null order by number limit 2000)) and true
), daily as (
    insert into analytics_daily as d (project_id, day, severity, component_id, created, resolved, reopened)
    select project_id, day, severity, component_id, sum(c), sum(r), sum(o) from b
    group by project_id, day, severity, component_id order by project_id, day, severity, component_id
    on conflict (project_id, day, severity, component_id) do update
    set created = d.created + excluded.created, resolved = d.resolved + excluded.resolved, reopened = d.reopened + excluded.reopened
), tagged as (
    select b.project_id, b.day, t.tag, b.severity, b.component_id, c, r, o
    from b cross join lateral (select distinct unnest(b.tags) as tag) t
), tag_days as (
    insert into analytics_tag_days as d (project_id, day, tag, created, resolved, reopened)
    select project_id, day, tag, sum(c), sum(r), sum(o) from tagged group by project_id, day, tag order by project_id, day, tag
    on conflict (project_id, day, tag) do update
    set created = d.created + excluded.created, resolved = d.resolved + excluded.resolved, reopened = d.reopened + excluded.reopened
)
insert into analytics_daily_tags as d (project_id, day, tag, severity, component_id, created, resolved, reopened)
select project_id, day, tag, severity, component_id, sum(c), sum(r), sum(o) from tagged
group by project_id, day, tag, severity, component_id order by project_id, day, tag, severity, component_id
on conflict (project_id, day, tag, severity, component_id) do update
set created = d.created + excluded.created, resolved = d.resolved + excluded.resolved, reopened = d.reopened + excluded.reopened;
rollback;
\echo === the links at the job end (BugImportRepository.link, its first statement; import_links is emptied at the end: ~7,000 links like the file)
begin; explain (analyze, buffers) with l as (
    select import_id as from_id, case when number % 50 = 0 then 'duplicates' else 'relates to' end as kind,
        'WEB-' || (number - 1) as target_key
    from bugs where import_id is not null and (number % 50 = 0 or number % 20 = 0)
), r as (
    select f.id as from_bug, l.kind, l.target_key, coalesce(
        (select t.id from bugs t where upper(t.import_key) = upper(l.target_key)
         and t.project_id = :'project' and t.import_source = 'jira' limit 1),
        (select t.id from bugs t where t.project_id = :'project' and t.import_source = 'jira'
         and t.import_id = l.target_key)) as target_bug
    from l join bugs f on f.project_id = :'project' and f.import_source = 'jira' and f.import_id = l.from_id
), pairs as (
    select case when kind = 'duplicates' then from_bug else target_bug end as duplicate,
        case when kind = 'duplicates' then target_bug else from_bug end as original
    from r where kind in ('duplicates', 'duplicated_by') and target_bug is not null and target_bug <> from_bug
)
update bugs b set duplicate_of = p.original
from (select distinct on (duplicate) duplicate, original from pairs order by duplicate, original) p
where b.id = p.duplicate and b.duplicate_of is null; rollback;
\echo === where the job time went (import_jobs)
select state, total, processed, created, updated, comments, links, started_at, finished_at,
    finished_at - started_at as took from import_jobs order by created_at;
\echo === autovacuum and analyze during the run
select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, autovacuum_count, autoanalyze_count from pg_stat_user_tables
where n_tup_ins + n_tup_upd > 1000 order by n_tup_ins + n_tup_upd desc;
\echo === who wrote and evicted pages (a backend writing its own dirty pages does it on the import clock)
select backend_type, object, context, reads, writes, extends, evictions, reuses, fsyncs, hits from pg_stat_io
where coalesce(writes, 0) + coalesce(extends, 0) + coalesce(evictions, 0) > 0 order by backend_type, object, context;
