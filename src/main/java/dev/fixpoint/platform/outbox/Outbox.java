package dev.fixpoint.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows to their consumers. A batch is one transaction: claim rows
 * ({@code FOR UPDATE SKIP LOCKED}, so nodes and workers never share a row), hand each to
 * its consumer in a savepoint, delete the delivered ones, commit. A consumer that throws
 * is rolled back to its savepoint alone and its row waits (1 s, doubling up to 10 min); a
 * crash rolls the whole batch back and the rows are claimable again.
 * <p>
 * A batch of the lanes that only write to this database ({@link Lane#DATABASE},
 * {@link Lane#SLOW}) commits without waiting for its WAL flush
 * ({@code synchronous_commit = off} for that transaction only): the commit that takes a
 * row out of the outbox is the same that writes what the handler wrote, so a crash of the
 * database before the flush loses both together and the rows are delivered again, exactly
 * as after a crash before the commit; a later synchronous commit (the next filing)
 * flushes it. The event rows themselves are written by the change's own, synchronous
 * commit. {@link Lane#NETWORK} batches still wait for the flush: their handlers have
 * called out before the commit, and a lost commit would call again.
 */
@Component
public class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

	private final OutboxRepository rows;

	private final OutboxConsumers consumers;

	private final JsonMapper json;

	private final TransactionTemplate batch;

	private final TransactionTemplate savepoint;

	private final OutboxProperties properties;

	private final Clock clock;

	Outbox(OutboxRepository rows, OutboxConsumers consumers, JsonMapper json, PlatformTransactionManager transactions,
			OutboxProperties properties, Clock clock) {
		this.rows = rows;
		this.consumers = consumers;
		this.json = json;
		this.batch = new TransactionTemplate(transactions);
		this.batch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Who delivers a consumer's events: {@link #DATABASE} consumers only write to the
	 * database and are delivered in batches ({@code batch-size}); {@link #NETWORK}
	 * consumers call other systems ({@link OutboxConsumer.Builder#callsOut()}) and are
	 * delivered one event per transaction by workers of their own; {@link #SLOW} ones do
	 * heavy work on this node's CPU ({@link OutboxConsumer.Builder#slow()}) and are
	 * delivered by workers of their own in small batches ({@code slow-batch-size}),
	 * resting between them while the machine is busy.
	 */
	enum Lane {

		DATABASE, NETWORK, SLOW

	}

	/**
	 * Delivers everything due now in both lanes, on this thread (tests, and
	 * {@code after-commit=caller}).
	 * @return how many deliveries succeeded
	 */
	public int deliverDue() {
		return deliverDue(Lane.DATABASE) + deliverDue(Lane.NETWORK) + deliverDue(Lane.SLOW);
	}

	/**
	 * Delivers everything due now in {@code lane}, on this thread, batch after batch
	 * until a batch delivers nothing (an ordered consumer's next event becomes due when
	 * the one before it is delivered).
	 * @return how many deliveries succeeded
	 */
	int deliverDue(Lane lane) {
		return deliverDue(lane, () -> {
		});
	}

	/**
	 * As {@link #deliverDue(Lane)}, running {@code afterBatch} after each batch that
	 * delivered something (the workers' pacing of the slow lane).
	 */
	int deliverDue(Lane lane, Runnable afterBatch) {
		List<String> names = this.consumers.names(lane);
		if (names.isEmpty()) {
			return 0;
		}
		int size = switch (lane) {
			case DATABASE -> this.properties.batchSize();
			case SLOW -> this.properties.slowBatchSize();
			case NETWORK -> 1;
		};
		boolean flushLater = lane != Lane.NETWORK;
		int delivered = 0;
		Batch last;
		do {
			last = deliverBatch(names, size, flushLater);
			delivered += last.delivered();
			if (last.delivered() > 0) {
				afterBatch.run();
			}
		}
		while (last.delivered() > 0 && (last.claimed() == size || last.ordered()));
		return delivered;
	}

	/**
	 * What a batch did: rows claimed, rows delivered, and whether one of them was an
	 * ordered consumer's. A batch that claimed fewer rows than it could, none of them
	 * ordered, left nothing due that it could have claimed (rows committed since wake the
	 * workers again, rows locked by another worker are that worker's, rows not due yet
	 * wait for the poll), so the lane stops without a claim that would find nothing (one
	 * transaction fewer per filing). After an ordered row the aggregate's next event may
	 * have become due: the lane claims again.
	 */
	private record Batch(int claimed, int delivered, boolean ordered) {

		static final Batch NONE = new Batch(0, 0, false);

	}

	private Batch deliverBatch(List<String> names, int size, boolean flushLater) {
		Batch result = this.batch.execute(status -> {
			Instant now = Times.now(this.clock);
			List<OutboxRepository.Claimed> claimed = this.rows.claimDue(now, size, names);
			if (claimed.isEmpty()) {
				return Batch.NONE;
			}
			if (flushLater) {
				// only a batch that writes has a commit to wait for: an empty claim is
				// read-only
				this.rows.commitWithoutWaitingForFlush();
			}
			List<Long> done = new ArrayList<>();
			boolean ordered = false;
			for (OutboxRepository.Claimed row : claimed) {
				ordered |= row.ordered();
				try {
					this.savepoint.executeWithoutResult(s -> deliver(row));
					done.add(row.seq());
				}
				catch (RuntimeException ex) {
					Instant next = now.plus(wait(row.attempts() + 1, ex));
					this.rows.failed(row.seq(), next, ex.getClass().getSimpleName() + ": " + ex.getMessage());
					if (ex instanceof RetryLaterException) {
						log.info("Outbox: {} postponed event {} ({}, attempt {}): {}; next try at {}", row.consumer(),
								row.eventId(), row.eventType(), row.attempts() + 1, ex.getMessage(), next);
					}
					else {
						log.warn("Outbox: {} failed on event {} ({}, attempt {}); next try at {}", row.consumer(),
								row.eventId(), row.eventType(), row.attempts() + 1, next, ex);
					}
				}
			}
			this.rows.delete(done);
			return new Batch(claimed.size(), done.size(), ordered);
		});
		return result == null ? Batch.NONE : result;
	}

	private void deliver(OutboxRepository.Claimed row) {
		OutboxConsumers.Target target = this.consumers.find(row.consumer(), row.eventType())
			.orElseThrow(() -> new IllegalStateException(
					"No outbox consumer " + row.consumer() + " for " + row.eventType() + " on this node"));
		Object event = this.json.readValue(row.payload(), target.subscription().type());
		target.subscription()
			.deliver(new OutboxDelivery<>(row.eventId(), event, row.publishedAt(), row.batchId(), row.attempts() + 1));
	}

	/**
	 * The backoff, or longer when the handler asked for it ({@link RetryLaterException}).
	 */
	static Duration wait(int attempts, RuntimeException failure) {
		Duration wait = backoff(attempts);
		if (failure instanceof RetryLaterException later && later.atLeast().compareTo(wait) > 0) {
			return later.atLeast();
		}
		return wait;
	}

	/** 1 s after the first failed attempt, doubling up to 10 minutes. */
	static Duration backoff(int attempts) {
		int doublings = Math.max(0, Math.min(attempts - 1, 20));
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
	}

}
