#!/usr/bin/env python3
# stages.py PORT old|new|days OUT_DIR WORD...: the statements BugRepository.list runs for GET /api/projects/STOR/bugs?q=WORD
# (sort -updated, 26 rows), each as EXPLAIN (ANALYZE, BUFFERS) with plan_cache_mode = force_custom_plan against the
# embedded PostgreSQL on PORT. old = before finding 23 (V60: exact times in the GIN index; all matches up to 4,000
# first, then bands from 1 day x4); new = after it (V63: days in the GIN index; bands from 1 day x16, all time past
# 1,000 days); days = after finding 25 (the walk's page straight from the walk; a band of a day as its two days, exact
# entries of the GIN index). Prints one line per word (stages: planning + execution ms, shared buffers); the plans go
# to OUT_DIR/WORD.txt. Each statement runs once before the one measured (warm cache).
import json, os, subprocess, sys
from datetime import timedelta
PORT, MODE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PSQL = ['psql', '-X', '-q', '-At', '-h', 'localhost', '-p', PORT, '-U', 'postgres', '-d', 'postgres']
SET = "set plan_cache_mode = force_custom_plan; set max_parallel_workers_per_gather = 0;"
def q(sql):
    return subprocess.run(PSQL, input=sql, capture_output=True, text=True, env=dict(os.environ, PGPASSWORD='postgres')).stdout.strip()
def run(sql, settings=''):
    # one session: the first run warms its caches (a new backend plans its first statement on bugs 10-50x slower)
    out = q(SET + settings + "\\o /dev/null\n" + sql + ";\n" + sql + ";\n\\o\nexplain (analyze, buffers, format json) "
            + sql + ";\n\\echo ====\nexplain (analyze, buffers) " + sql)
    js, txt = out.split("====\n", 1)
    return json.loads(js[js.index('['):])[0], txt
P = q("select id from projects where key = 'STOR'")
COLS = "b.id, b.number, b.title, b.updated_at"
def band_sql(text, start, band):
    edge = ''
    if band < timedelta(days=73000):
        e = f"(timestamptz '{start}' - interval '{int(band.total_seconds())} seconds')"
        day = "((b.updated_at at time zone 'UTC')::date)"
        days = f" and {day} >= ({e} at time zone 'UTC')::date"
        if MODE == 'days' and band == timedelta(days=1):
            days = (f" and ({day} = (timestamptz '{start}' at time zone 'UTC')::date"
                    f" or {day} = ({e} at time zone 'UTC')::date)")
        edge = (days + f" and b.updated_at + interval '0 seconds' >= {e}") if MODE != 'old' else f" and b.updated_at >= {e}"
    return (f"select {COLS}, m.band_matches from (select m.id, count(*) over () as band_matches from (select b.id, "
            f"b.updated_at as sort_key from bugs b where b.project_id = '{P}' and {text}{edge} limit 4000) m order by "
            f"m.sort_key desc, m.id desc limit 26) m join bugs b on b.id = m.id join projects p on p.id = b.project_id "
            f"order by b.updated_at desc, b.id desc")
os.makedirs(OUT, exist_ok=True)
for word in sys.argv[4:]:
    w = word.replace("'", "''")
    text = f"b.fulltext @@ websearch_to_tsquery('english', '{w}')"
    plans, line, total = [], [], 0.0
    def stage(name, sql, settings=''):
        global total
        p, txt = run(sql, settings)
        plans.append(f"-- {name}\n{sql}\n{txt}\n")
        total += p['Planning Time'] + p['Execution Time']
        line.append(f"{name} {p['Planning Time']:.1f}+{p['Execution Time']:.1f} ({p['Plan'].get('Shared Hit Blocks', 0) + p['Plan'].get('Shared Read Blocks', 0)} buf)")
        return p
    if MODE == 'days':
        walk = stage("walk 2,000", f"select {COLS} from (select * from bugs b where b.project_id = '{P}' and true order by b.updated_at desc, b.id desc limit 2000) b join projects p on p.id = b.project_id where b.project_id = '{P}' and {text} order by b.updated_at desc, b.id desc limit 26")
    else:
        walk = stage("walk 2,000", f"select {COLS} from bugs b join projects p on p.id = b.project_id where b.id in (select b.id from (select * from bugs b where b.project_id = '{P}' and true order by b.updated_at desc, b.id desc limit 2000) b where b.project_id = '{P}' and {text} order by b.updated_at desc, b.id desc limit 26) order by b.updated_at desc, b.id desc")
    if walk['Plan']['Actual Rows'] < 26:
        stage("first key", f"select b.updated_at as first_key from bugs b where b.project_id = '{P}' and true order by b.updated_at desc, b.id desc limit 1")
        start = q(f"select b.updated_at from bugs b where b.project_id = '{P}' order by b.updated_at desc, b.id desc limit 1")
        fewer, toomany = timedelta(0), None
        band = timedelta(days=73000) if MODE == 'old' else timedelta(days=1)
        for probe in range(16):
            p = stage(f"band {band.days}d", band_sql(text, start, band), "set enable_indexscan = off;")
            rows = int(p['Plan']['Actual Rows'])
            matches = int(q(f"select count(*) from ({band_sql(text, start, band)}) x where band_matches >= 4000") or 0)
            if matches == 0 and (rows >= 26 or band >= timedelta(days=73000)): break
            if matches == 0:
                fewer = band
                nxt = band * (4 if MODE == 'old' else 16)
                if MODE == 'new' and nxt > timedelta(days=1000): nxt = timedelta(days=73000)
            else:
                toomany = band
                nxt = (min(timedelta(days=1), band / 2) if MODE == 'old' else band / 2) if fewer == timedelta(0) else (band + fewer) / 2
            if toomany is not None and nxt >= toomany: nxt = (fewer + toomany) / 2
            band = nxt
    with open(os.path.join(OUT, word.replace(' ', '-') + '.txt'), 'w') as f:
        f.write("\n".join(plans))
    print(f"{word} | " + " + ".join(line) + f" | total {total:.1f} ms")
