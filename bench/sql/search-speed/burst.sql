-- A burst of filings in the shape of bench/wrk/create.lua, by SQL (the API files ~10/s on this loaded machine):
-- :copies bugs in STOR, the newest at now(), 40 ms apart, with create.lua's titles, descriptions, severities,
-- priorities and tags (reporter, status and SLA of STOR's newest bug). Afterwards coupon, dashboard and
-- "session expires" have no match among the newest bugs, as after bench/perf.sh's create kind.
--   psql -v copies=20000 -f burst.sql
with proto as (
  select b.project_id, b.reporter_id, b.status from bugs b join projects p on p.id = b.project_id
  where p.key = 'STOR' order by b.created_at desc limit 1),
rows as (
  select n,
    (array['checkout', 'login', 'payment', 'search', 'profile', 'upload', 'export', 'cart', 'invoice', 'settings'])
      [1 + (n * 7) % 10] as area,
    (array['fails with a timeout', 'shows a blank page', 'returns 500', 'loses the draft', 'double charges',
      'ignores the filter', 'crashes on submit', 'hits a deadlock', 'is slow on mobile', 'logs the user out',
      'breaks on emoji input', 'times out after payment'])[1 + (n * 5) % 12] as problem,
    (array['critical', 'high', 'medium', 'medium', 'medium', 'low', 'low'])[1 + n % 7] as severity,
    (array['P0', 'P1', 'P2', 'P2', 'P3'])[1 + n % 5] as priority,
    (array['checkout', 'flaky', 'regression', 'mobile', 'ux', 'backend', 'api', 'performance'])[1 + n % 8] as tag
  from generate_series(1, :copies) n)
insert into bugs (id, project_id, number, title, description, environment, severity, priority, status, reporter_id,
  tags, created_at, updated_at)
select uuidv7(), p.project_id, next_bug_number(p.project_id), r.area || ' ' || r.problem || ' (#' || r.n || ')',
  'Steps: open ' || r.area || ', wait. The page ' || r.problem || '.', '{"browser": "Firefox 133", "os": "Linux"}',
  r.severity, r.priority, p.status, p.reporter_id, array[r.area, r.tag],
  now() - (r.n * interval '40 ms'), now() - (r.n * interval '40 ms')
from rows r cross join proto p order by r.n desc;
vacuum (analyze) bugs;
