/**
 * The transactional outbox: the one way work leaves a change's transaction for "after
 * commit". A module declares an {@link dev.fixpoint.platform.outbox.OutboxConsumer} bean
 * (its name, the event records it wants, per type the aggregate an event is about and the
 * handler, optionally ordered per aggregate); from then on every such event published
 * with Spring's {@code ApplicationEventPublisher} inside a transaction is written to the
 * {@code outbox} table in that transaction ({@code OutboxWriter}: one statement per
 * event, a row per consumer, JSON payload), so the change and its fan-out commit or roll
 * back together.
 * <p>
 * After commit ({@code OutboxDispatch}) the committing node wakes the delivery threads of
 * the lanes it wrote rows for ({@code OutboxWorkers}: {@code fixpoint.outbox.workers} per
 * node for consumers that only write to the database,
 * {@code fixpoint.outbox.network-workers} for those that call other systems, declared
 * with {@code callsOut()} and claimed one event per transaction, so a receiver that takes
 * its full timeout delays neither notifications nor other rows;
 * {@code fixpoint.outbox.slow-workers} for heavy CPU work, {@code slow()}, a few events
 * per transaction), which also poll every {@code fixpoint.outbox.poll-interval} for other
 * nodes' leftovers, retries and a crashed node's rows. Under load the commits gather: a
 * commit wakes no worker while one is woken and has not claimed yet, and a worker woken
 * within {@code fixpoint.outbox.gather} (50 ms) of its lane's last round waits for the
 * rest of it, so a busy lane claims the rows of many commits at once and an idle one
 * delivers at once. {@link dev.fixpoint.platform.outbox.Outbox} delivers: one transaction
 * per batch claims rows {@code FOR UPDATE SKIP LOCKED} (one node, one worker per row),
 * runs each handler in a savepoint with an
 * {@link dev.fixpoint.platform.outbox.OutboxDelivery} (event id = idempotency key,
 * publication time, attempt) and deletes the delivered rows in the same transaction: a
 * handler's database writes commit exactly once, a crash before the commit delivers
 * again, a failure retries with backoff (1 s doubling to 10 min, or longer when the
 * handler throws {@link dev.fixpoint.platform.outbox.RetryLaterException}, without end).
 * Of an ordered consumer's aggregate only the oldest pending row is claimable.
 * <p>
 * Owns the table {@code outbox}. Metrics: {@code fixpoint.outbox.depth} and
 * {@code fixpoint.outbox.oldest.age} ({@code OutboxMetrics}). Consumers today:
 * notifications, webhooks, portal, live; network: webhook-sender, forge. Synchronous
 * {@code @EventListener}s stay for what is data of the change itself (SLA clocks,
 * analytics rollups, automatic watches).
 */
package dev.fixpoint.platform.outbox;
