-- A lane's claim (platform.outbox.OutboxRepository.claimDue: `consumer in (its consumers) and next_attempt_at <= now
-- order by seq`) had no index on its consumers: the planner walked the whole (event_id, consumer) key and filtered,
-- so while one lane has a backlog (triage's embeddings wait in the slow lane during a burst of filings: thousands of
-- rows) every claim of the other lanes read all of them: ~1 ms per claim, 1.5 ms of database time per filing
-- (bench/README.md "Filing: the outbox's claims and commits"). With this index a claim reads only its own consumers'
-- due rows (EXPLAIN ANALYZE of the database lane's claim with 4,167 triage rows waiting, on a busy machine: 14 ms
-- before, 0.4 ms after).
create index outbox_due on outbox (consumer, next_attempt_at);
