#!/usr/bin/env bash
# What one filing costs, from a running server (start it yourself on a COPY of a data set, with
# shared_preload_libraries = 'pg_stat_statements', pg_stat_statements.track = all and track_io_timing = on added
# to DATA/postgres/postgresql.conf; the app's pid in DATA/app.pid): WARM seconds of bench/wrk/create.lua (wrk -t2 -c8),
# then SECS counted seconds, and per filing: app and PostgreSQL CPU (/proc), commits (pg_stat_database), WAL writes
# and fsyncs (pg_stat_io), WAL records/bytes/full-page images (pg_stat_wal) and the statements (pg_stat_statements:
# calls, execution ms, rows, blocks dirtied, WAL bytes). Output: OUT/summary.txt.
#   bench/sql/filing/per-filing.sh DATA PORT OUT [WARM=30] [SECS=20]
DATA=$1 PORT=$2 LABEL=$(basename "$3") WARM=${4:-30} SECS=${5:-20}
BASE=http://127.0.0.1:$PORT
OUT=$(realpath -m "$3"); mkdir -p "$OUT"
PGPORT=$(sed -n 4p $DATA/postgres/postmaster.pid)
pg() { psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres -d postgres "$@"; }
export TOKEN=$(curl -fsS -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' -d '{"email": "admin@bench.fixpoint.test", "password": "fixpoint-bench"}' | jq -r .token)
export PROJECT=STOR
APID=$(cat $DATA/app.pid); PM=$(head -1 $DATA/postgres/postmaster.pid); HZ=$(getconf CLK_TCK)
app_ticks() { awk '{ print $14 + $15 }' /proc/$APID/stat; }
db_ticks() { { awk '{ print $14 + $15 + $16 + $17 }' /proc/$PM/stat; for c in $(cat /proc/$PM/task/$PM/children); do awk '{ print $14 + $15 }' /proc/$c/stat 2>/dev/null; done; } | awk '{n+=$1} END {print n}'; }
cd "$(dirname "$0")/../../wrk"
[ "$WARM" -gt 0 ] && wrk -t2 -c8 -d${WARM}s -s create.lua $BASE > $OUT/warm.txt 2>&1
pg -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" -c "select pg_stat_reset_shared('io')" -c "select pg_stat_reset_shared('wal')" -c "select pg_stat_reset()" -c "select pg_stat_reset_shared('bgwriter')" >/dev/null
c0=$(pg -At -c "select xact_commit from pg_stat_database where datname='postgres'")
a0=$(app_ticks) d0=$(db_ticks)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
wrk -t2 -c8 -d${SECS}s --latency -s create.lua $BASE > $OUT/wrk.txt 2>&1
a1=$(app_ticks) d1=$(db_ticks)
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 1
N=$(awk '/requests in/ { print $1 }' $OUT/wrk.txt)
c1=$(pg -At -c "select xact_commit from pg_stat_database where datname='postgres'")
{
echo "label $LABEL load $LOAD0 -> $LOAD1 filings $N"
grep -E 'Requests/sec|50%|99%|Non-2xx' $OUT/wrk.txt
awk -v a=$((a1-a0)) -v d=$((d1-d0)) -v n=$N -v hz=$HZ 'BEGIN {printf "app CPU ms/filing %.3f  db CPU ms/filing %.3f\n", a*1000/hz/n, d*1000/hz/n}'
echo "commits/filing $(echo "scale=3; ($c1-$c0)/$N" | bc)"
pg -v n=$N <<<"select object, context, writes, round(writes::numeric/:n,3) w_per, fsyncs, round(fsyncs::numeric/:n,3) fsync_per, round(fsync_time::numeric/nullif(fsyncs,0),3) ms_per_fsync from pg_stat_io where object='wal' and (writes>0 or fsyncs>0);"
pg -v n=$N <<<"select wal_records, wal_fpi, wal_bytes, round(wal_records::numeric/:n,1) rec_per, round(wal_bytes::numeric/:n) bytes_per, round(wal_fpi::numeric/:n,2) fpi_per, wal_buffers_full from pg_stat_wal;"
pg -v n=$N <<<"select round(calls::numeric/:n,2) calls_per, round((total_exec_time/:n)::numeric,4) ms_per, round((total_plan_time/:n)::numeric,4) plan_ms_per, round(rows::numeric/nullif(calls,0),1) rows_per_call, round(shared_blks_dirtied::numeric/:n,2) dirtied_per, round(wal_bytes::numeric/:n) walb_per, toplevel, left(regexp_replace(query, '\s+', ' ', 'g'), 150) q from pg_stat_statements where dbid=(select oid from pg_database where datname='postgres') order by total_exec_time desc limit 45;"
} > $OUT/summary.txt 2>&1
cat $OUT/summary.txt | head -20
