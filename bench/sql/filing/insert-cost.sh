#!/usr/bin/env bash
# The CPU and WAL of the bugs insert itself, per index: one backend inserts 2,000 rows shaped like filings (copies of
# STOR bugs numbered above 100,000, i.e. filed by bench/wrk/create.lua) in a transaction that is rolled back, as is
# and with one index dropped or changed inside the same transaction; the backend's utime+stime from /proc (run psql on
# the database's machine). Takes an exclusive lock on bugs for each variant: not against a server under load.
#   bench/sql/filing/insert-cost.sh PGPORT ROUNDS   (VARIANTS="off noft" to choose)
P=$1 R=$2
COLS="id, project_id, number, title, description, steps_to_reproduce, expected_behavior, actual_behavior, environment, severity, priority, status, resolution, reporter_id, assignee_id, component_id, tags, due_date, sla_due_at, verified_by, resolved_at, closed_at, github_issue_url, linked_prs, version, created_at, updated_at, comment_vector, duplicate_of, sla_state, import_source, import_id, import_key, import_url, import_job, fixed_in, affects, anonymised_at"
SEL="uuidv7(), project_id, number + 5000000, title, description, steps_to_reproduce, expected_behavior, actual_behavior, environment, severity, priority, status, resolution, reporter_id, assignee_id, component_id, tags, due_date, sla_due_at, verified_by, resolved_at, closed_at, github_issue_url, linked_prs, version, now() + (number || ' ms')::interval, now() + (number || ' ms')::interval, comment_vector, duplicate_of, sla_state, import_source, import_id, import_key, import_url, import_job, fixed_in, affects, anonymised_at"
declare -A V=(
 [off]=""
 [ft64]="alter index bugs_fulltext_times_idx set (fastupdate = on, gin_pending_list_limit = 64);"
 [ft256]="alter index bugs_fulltext_times_idx set (fastupdate = on, gin_pending_list_limit = 256);"
 [noopen]="drop index bugs_project_open_idx;"
 [noupd]="drop index bugs_updated_idx;"
 [nodue]="drop index bugs_project_due_desc_idx;"
 [notrgm]="drop index bugs_title_trgm_idx;"
 [noft]="drop index bugs_fulltext_times_idx;"
)
for r in $(seq 1 $R); do
  for v in ${VARIANTS:-off ft64 ft256 noopen noupd nodue notrgm noft}; do
    out=$(psql -X -h 127.0.0.1 -p $P -U postgres -d postgres -At <<SQL
begin;
select pg_backend_pid() as pid \gset
\setenv BPID :pid
${V[$v]}
select 1 from bugs limit 1;
\! awk '{print \$14+\$15}' /proc/\$BPID/stat > /tmp/idxcpu-t0
insert into bugs ($COLS) select $SEL from bugs where project_id = (select id from projects where key='STOR') and number > 100000 order by number limit 2000;
\! awk '{print \$14+\$15}' /proc/\$BPID/stat > /tmp/idxcpu-t1
rollback;
SQL
)
    echo "$r $v cpu_ms_per_row $(echo "scale=3; ($(cat /tmp/idxcpu-t1) - $(cat /tmp/idxcpu-t0)) * 10 / 2000" | bc)"
  done
done
