-- Queries of relations and releases (shapes copied from BugListQuery's links/releases fragments,
-- BugLinkRepository and ReleaseRepository), against STOR after seed.sql. Run with
--   QUERIES=relations/queries.sql bench/sql/explain.sh PORT bench/sql/relations
-- A relation or release filter makes walkMayMiss true: BugRepository.list first counts the matches
-- (capped at 500), then either walks a bounded window (many matches) or reads them all through their index
-- (sortedMatches, few matches). Both shapes are here.

-- prelude
select id as pid from projects where key = 'STOR' order by created_at limit 1 \gset
select r.id as release from releases r where r.project_id = :'pid' and r.name = '1.4' \gset
select r.id as release_small from releases r where r.project_id = :'pid' and r.name = '1.11' \gset
select l.source_id as parent from bug_links l where l.kind = 'parent' limit 1 \gset
select l.target_id as blocked from bug_links l where l.kind = 'blocks' limit 1 \gset
-- end prelude

-- name: is-blocked-count
select count(*) as n from (select 1 from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and exists (select 1 from bug_links l join bugs o on o.id = l.source_id where l.target_id = b.id and l.kind = 'blocks'
and o.resolved_at is null) limit 500) c;

-- name: is-blocked-sorted-matches
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b
where b.project_id = :'pid' and exists (select 1 from bug_links l join bugs o on o.id = l.source_id
where l.target_id = b.id and l.kind = 'blocks' and o.resolved_at is null)
order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: is-blocking-sorted-matches
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b
where b.project_id = :'pid' and exists (select 1 from bug_links l join bugs o on o.id = l.target_id
where l.source_id = b.id and l.kind = 'blocks' and o.resolved_at is null)
order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: has-parent-sorted-matches
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b
where b.project_id = :'pid' and exists (select 1 from bug_links l where l.target_id = b.id and l.kind = 'parent')
order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: not-blocked-plain
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.project_id = :'pid'
and not exists (select 1 from bug_links l join bugs o on o.id = l.source_id where l.target_id = b.id
and l.kind = 'blocks' and o.resolved_at is null) order by b.updated_at desc, b.id desc limit 26;

-- name: parent-of
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b
where b.project_id = :'pid' and b.id in (select l.target_id from bug_links l where l.source_id = :'parent'
and l.kind = 'parent') order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26)
order by b.updated_at desc, b.id desc;

-- name: fixed-in-window
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (
select * from bugs b where b.project_id = :'pid' and true order by b.updated_at desc, b.id desc limit 2000) b
where b.project_id = :'pid' and b.fixed_in in (:'release') order by b.updated_at desc, b.id desc limit 26)
order by b.updated_at desc, b.id desc;

-- name: fixed-in-sorted-matches
select b.*, p.key from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from bugs b
where b.project_id = :'pid' and b.fixed_in in (:'release')
order by b.updated_at + interval '0 seconds' desc, b.id desc limit 26) order by b.updated_at desc, b.id desc;

-- name: release-counts
select r.*,
    (select count(*) from bugs b where b.fixed_in = r.id and b.resolved_at is null) as open_count,
    (select count(*) from bugs b where b.fixed_in = r.id and b.resolved_at is not null) as resolved_count
from releases r where r.project_id = :'pid' and (false or not r.archived)
order by r.archived, r.released_on desc nulls first, r.due_on nulls last, r.created_at desc;

-- name: links-of-bug
select l.id, l.kind, l.this_is_source, l.created_at, o.id as other_id, p.key || '-' || o.number as other_key
from (select id, kind, true as this_is_source, target_id as other, created_at from bug_links where source_id = :'blocked'
      union all
      select id, kind, false, source_id, created_at from bug_links where target_id = :'blocked') l
join bugs o on o.id = l.other join projects p on p.id = o.project_id
join project_members m on m.project_id = o.project_id and m.user_id = (select user_id from project_members
where project_id = :'pid' limit 1)
order by l.created_at, l.id;

-- name: duplicates-of
select d.id, p.key || '-' || d.number as key from bugs d join projects p on p.id = d.project_id
where d.duplicate_of = :'blocked' order by d.number limit 100;

-- name: reachable-blocks
with recursive reach (source_id, target_id) as (
    select source_id, target_id from bug_links where source_id = :'blocked' and kind = 'blocks'
    union
    select l.source_id, l.target_id from reach r join bug_links l on l.source_id = r.target_id and l.kind = 'blocks'
) select source_id, target_id from reach limit 10000;

-- name: sub-bug-progress
select count(*) as total, count(*) filter (where c.resolved_at is not null) as done
from bug_links l join bugs c on c.id = l.target_id where l.source_id = :'parent' and l.kind = 'parent';
