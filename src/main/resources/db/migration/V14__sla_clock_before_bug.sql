-- A bug's SLA clock is written just before the bug's row, in the same transaction (SlaOnFiling), so the row is
-- written once with its due time and state; the clock's reference to it is checked at commit.
alter table bug_sla alter constraint bug_sla_bug_id_fkey deferrable initially deferred;
