package dev.fixpoint.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One event handed to one consumer, after the transaction that published it committed.
 *
 * @param eventId the event's id, the same for every consumer and every attempt: the
 * idempotency key to pass on to anything outside the database (a webhook's delivery id)
 * @param event the event as published
 * @param publishedAt when the publishing transaction wrote it (the time of the fact)
 * @param batchId the batch of changes the event was part of (e.g. a bulk change), when
 * the consumer captures one, else null
 * @param attempt 1 for the first delivery, more after failures or a crash
 */
public record OutboxDelivery<E>(UUID eventId, E event, Instant publishedAt, UUID batchId, int attempt) {
}
