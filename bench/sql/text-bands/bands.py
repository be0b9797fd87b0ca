#!/usr/bin/env python3
# bands.py PORT WORD...: the list's text stages after finding 22 as BugRepository.list runs them for -updated in STOR
# (walk 2,000; first key; all matches if < 4,000, else bands of time from 1 day, x4, halved when >= 4,000 matches),
# EXPLAIN ANALYZE time of each, against the embedded PostgreSQL on PORT.
import json, subprocess, sys
from datetime import timedelta
PSQL = ['psql', '-X', '-q', '-At', '-h', 'localhost', '-p', sys.argv[1], '-U', 'postgres', '-d', 'postgres']
def run(sql, settings=''):
    out = subprocess.run(PSQL, input="set plan_cache_mode = force_custom_plan; set max_parallel_workers_per_gather = 0;"
                         + settings + "explain (analyze, buffers, format json) " + sql, capture_output=True, text=True).stdout
    plan = json.loads(out[out.index('['):])[0]
    return plan
def q(sql):
    return subprocess.run(PSQL, input=sql, capture_output=True, text=True).stdout.strip()
P = q("select id from projects where key = 'STOR'")
def rng(start, band):
    return '' if band.days >= 73000 else f"and b.updated_at >= timestamptz '{start}' - interval '{int(band.total_seconds())} seconds'"
def heap(node):
    n = node.get('Exact Heap Blocks', 0) + node.get('Lossy Heap Blocks', 0)
    return n + sum(heap(c) for c in node.get('Plans', []))
for word in sys.argv[2:]:
    w = word.replace("'", "''")
    text = f"b.fulltext @@ websearch_to_tsquery('english', '{w}')"
    walk = run(f"select b.id from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = '{P}' order by b.updated_at desc, b.id desc limit 2000) b where {text} order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc")
    total = walk['Execution Time']; line = [f"walk {walk['Execution Time']:.1f}"]
    if walk['Plan']['Actual Rows'] < 26:
        fk = run(f"select b.updated_at from bugs b where b.project_id = '{P}' order by b.updated_at desc, b.id desc limit 1")
        total += fk['Execution Time']
        start = q(f"select b.updated_at from bugs b where b.project_id = '{P}' order by b.updated_at desc, b.id desc limit 1")
        fewer, toomany, band = timedelta(0), None, timedelta(days=73000)
        for probe in range(16):
            p = run(f"select b.id, m.band_matches from (select m.id, count(*) over () as band_matches from (select b.id, b.updated_at as sort_key from bugs b where b.project_id = '{P}' and {text} {rng(start, band)} limit 4000) m order by m.sort_key desc, m.id desc limit 26) m join bugs b on b.id = m.id join projects p on p.id = b.project_id order by b.updated_at desc, b.id desc", "set enable_indexscan = off;")
            total += p['Execution Time']
            rows = int(p['Plan']['Actual Rows'])
            matches = int(q(f"select count(*) from (select 1 from bugs b where b.project_id = '{P}' and {text} {rng(start, band)} limit 4000) c"))
            line.append(f"band {band.days}d{band.seconds // 3600}h {p['Execution Time']:.1f} ({matches} read, {heap(p['Plan'])} heap pages)")
            if matches < 4000 and (rows >= 26 or band.days >= 73000): break
            if matches < 4000:
                fewer = band; nxt = band * 4
            else:
                toomany = band; nxt = min(timedelta(days=1), band / 2) if fewer == timedelta(0) else (band + fewer) / 2
            if toomany is not None and nxt >= toomany: nxt = (fewer + toomany) / 2
            band = nxt
    print(f"{word} | " + " + ".join(line) + f" | total {total:.1f} ms")
