-- The transactional outbox (platform.outbox): fan-out leaves a change's transaction only as rows here, written in
-- that transaction, one per event and consumer, and consumed after commit. A consumer's delivery runs in a
-- transaction that also deletes the row: its effects commit exactly once, a crash before that commit delivers again.
-- Rows are claimed FOR UPDATE SKIP LOCKED, so several nodes (and several workers per node) share the work; an ordered
-- consumer gets the events of one aggregate (a bug) in seq order: only the oldest pending row of each is claimable.
create table outbox (
    seq              bigint generated always as identity primary key,
    event_id         uuid not null,   -- the event's idempotency key: the same for every consumer of one event
    consumer         text not null,
    event_type       text not null,   -- the event record's class name
    payload          jsonb not null,
    aggregate_id     uuid,            -- the bug (or other aggregate) the event is about
    ordered          boolean not null,
    batch_id         uuid,            -- a bulk change the event was part of, when the consumer asked for it
    published_at     timestamptz not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    unique (event_id, consumer)
);
-- an ordered row waits for older rows of its consumer and aggregate (the not-exists of the claim)
create index outbox_aggregate on outbox (consumer, aggregate_id, seq) where ordered;
