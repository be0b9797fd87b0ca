#!/usr/bin/env python3
"""Bug-list plans for date ranges and texts (bench/sql/README.md findings 13-15).

Emulates BugRepository.list on a loaded database through psql: for each case (name|sort|filter|filter...) it runs the
stages the app would run (capped count, bounded walk, all matches sorted), each with EXPLAIN (ANALYZE,
TIMING OFF) three times, and prints the best time of each stage and their sum; the plan of the last stage goes to
OUT_DIR/explain-<name>.txt. With --plain it runs the plain shape instead (the plan before this change).

usage: bench/sql/lists/plans.py PG_PORT [--plain] [OUT_DIR] < cases.txt
       (project: the one with most bugs; :'asg' = its busiest assignee)
"""
import os, re, subprocess, sys

COLS = """b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce,
b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority,
b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at,
b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs,
b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state""".replace("\n", " ")
SORTS = {'-updated': ('b.updated_at', 'desc', 'timestamptz'), 'updated': ('b.updated_at', 'asc', 'timestamptz'),
         '-created': ('b.created_at', 'desc', 'timestamptz'), 'created': ('b.created_at', 'asc', 'timestamptz'),
         '-priority': ('b.priority', 'asc', 'text'), '-severity': ('b.severity_rank', 'asc', 'smallint')}
PORT = sys.argv[1]
PLAIN = '--plain' in sys.argv
OUT = ([a for a in sys.argv[2:] if a != '--plain'] or ['.'])[0]


def psql(sql):
    env = dict(os.environ, PGPASSWORD=os.environ.get('PGPASSWORD', 'postgres'))
    return subprocess.run(['psql', '-X', '-q', '-At', '-h', 'localhost', '-p', PORT, '-U', 'postgres', 'postgres'],
                          input="set plan_cache_mode = force_custom_plan;\n" + sql, capture_output=True, text=True,
                          env=env).stdout


PID = "'" + psql("select id from projects order by next_bug_number desc limit 1").strip() + "'"
ASG = "'" + psql(f"select assignee_id from bugs where project_id = {PID} and assignee_id is not null "
                 "group by 1 order by count(*) desc limit 1").strip() + "'"


def shape(kind, filters, sort, window=None):
    """The SQL of BugListQuery.build / window / sortedMatches / count."""
    e, d, t = SORTS[sort]
    order = f" order by {e} {d}, b.id {d}"
    where = f" where b.project_id = {PID}" + "".join(" and " + f for f in filters)
    frm = " from bugs b join projects p on p.id = b.project_id"
    if kind == 'plain':
        return f"select {COLS}{frm}{where}{order} limit 26"
    if kind == 'window':
        return (f"select {COLS}{frm} where b.id in (select b.id from (select * from bugs b where b.project_id = {PID}"
                f"{order} limit {window}) b{where}{order} limit 26){order}")
    if kind == 'sorted':
        unindexed = e + (" + interval '0 seconds'" if t == 'timestamptz' else " || ''" if t == 'text' else " + 0")
        return f"select {COLS}{frm} where b.id in (select b.id from bugs b{where} order by {unindexed} {d}, b.id {d} limit 26){order}"
    if kind == 'count':
        return f"select count(*) from (select 1 from bugs b{where} limit {window}) c"


SERIAL = "set max_parallel_workers_per_gather = 0;\n"  # what BugRepository.list sets before sortedMatches


def timed(sql):
    prefix = SERIAL if " limit 26)" in sql and "in (select b.id from bugs b " in sql else ""
    out = psql(prefix + ("explain (analyze, timing off) " + sql + ";\n") * 3)
    return min(float(x) for x in re.findall(r'Execution Time: ([0-9.]+)', out))


def rows(sql):
    return [line for line in psql(sql + ";").split('\n') if line.strip()]


def run(name, sort, filters):
    text = any('fulltext' in f for f in filters)
    stages, last = [], None

    def stage(label, sql):
        nonlocal last
        last = sql
        stages.append((label, timed(sql)))
        return rows(sql)

    if PLAIN:
        stage('plain', shape('plain', filters, sort))
    elif not text and int(stage('count', shape('count', filters, sort, window=10000))[0]) < 10000:
        stage('sorted', shape('sorted', filters, sort))
    elif len(stage('walk', shape('window', filters, sort, window=2000 if text else 20000))) < 26:
        stage('sorted', shape('sorted', filters, sort))
    with open(os.path.join(OUT, f"explain-{name}.txt"), 'w') as f:
        f.write(f"-- {name}: {' + '.join(s[0] for s in stages)}\n{last}\n")
        f.write(psql((SERIAL if stages[-1][0] == 'sorted' else "") + "explain (analyze, buffers) " + last + ";"))
    total = sum(s[1] for s in stages)
    print(f"{name:28s} {total:8.2f} ms  " + " + ".join(f"{s[0]} {s[1]:.2f}" for s in stages), flush=True)


os.makedirs(OUT, exist_ok=True)
for line in sys.stdin.read().strip().split('\n'):
    if line.strip() and not line.startswith('#'):
        name, sort, *filters = line.split('|')
        run(name, sort, [f.replace(":'asg'", ASG) for f in filters])
