-- Relations and releases on the bench data (bench/data/generate.sh): the big project STOR gets
--   * 12 releases; fixed_in on 30 % of its bugs spread over 1.0 .. 1.9 (3 % each), 100 bugs in 1.11, affects on 10 %,
--   * 1,000 "blocks" links between random bugs (blocker number < blocked number: no cycle),
--   * 500 parents with 4 sub-bugs each (2,000 "parent" links),
--   * 300 "relates_to" links,
-- then ANALYZE. Run once with psql against the app's embedded PostgreSQL (see README.md here).
\set ON_ERROR_STOP on
select id as pid from projects where key = 'STOR' order by created_at limit 1 \gset

insert into releases (id, project_id, name, description, due_on, released_on, archived, created_at, updated_at)
select gen_random_uuid(), :'pid', '1.' || n, 'Bench release 1.' || n, date '2026-01-01' + n * 30,
       case when n < 8 then date '2026-01-01' + n * 30 end, n < 2, now(), now()
from generate_series(0, 11) n;

with r as (select id, substr(name, 3)::int as n from releases where project_id = :'pid')
update bugs set fixed_in = r.id from r
where bugs.project_id = :'pid' and bugs.number % 10 < 3 and r.n = (bugs.number / 10) % 10;

-- a small release: 1.11 fixes 100 bugs
update bugs set fixed_in = (select id from releases where project_id = :'pid' and name = '1.11')
where project_id = :'pid' and number % 1000 = 999;

with r as (select id, substr(name, 3)::int as n from releases where project_id = :'pid')
update bugs set affects = r.id from r
where bugs.project_id = :'pid' and bugs.number % 10 = 7 and r.n = (bugs.number / 100) % 10;

-- blocks: the blocker has the smaller number, so no loop
insert into bug_links (id, kind, source_id, target_id, created_at)
select gen_random_uuid(), 'blocks', s.id, t.id, now()
from (select n, (random() * 90000)::int + 1 as a, (random() * 9000)::int + 1 as d from generate_series(1, 1000) n) x
join bugs s on s.project_id = :'pid' and s.number = x.a
join bugs t on t.project_id = :'pid' and t.number = x.a + x.d
on conflict do nothing;

-- parents: bugs 1..500 (numbers * 197) each with 4 sub-bugs right after them
insert into bug_links (id, kind, source_id, target_id, created_at)
select gen_random_uuid(), 'parent', p.id, c.id, now()
from generate_series(1, 500) n
join bugs p on p.project_id = :'pid' and p.number = n * 197
join generate_series(1, 4) k on true
join bugs c on c.project_id = :'pid' and c.number = n * 197 + k
on conflict do nothing;

insert into bug_links (id, kind, source_id, target_id, created_at)
select gen_random_uuid(), 'relates_to', least(s.id, t.id), greatest(s.id, t.id), now()
from (select (random() * 99000)::int + 1 as a, (random() * 900)::int + 1 as d from generate_series(1, 300)) x
join bugs s on s.project_id = :'pid' and s.number = x.a
join bugs t on t.project_id = :'pid' and t.number = x.a + x.d
on conflict do nothing;

analyze bugs;
analyze bug_links;
analyze releases;
select kind, count(*) from bug_links group by kind order by kind;
select count(*) filter (where fixed_in is not null) as fixed_in, count(*) filter (where affects is not null) as affects
from bugs where project_id = :'pid';
