package dev.fixpoint.portal;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim loop shared by every batched email of the portal (reporters' updates, status
 * subscribers' digests): the recipients whose window passed are taken in rounds, each
 * composed in its own transaction by its {@link Source}, which locks the recipient's
 * pending rows {@code FOR UPDATE SKIP LOCKED}, checks the window again after the lock and
 * marks them sent in the same transaction as the email it queues. So every node may run
 * it at once: no row is sent twice or early.
 */
@Component
class Batches {

	private static final int BATCH = 100;

	private static final int ROUNDS = 50;

	/** What one kind of batched email waits on: its due recipients and their emails. */
	interface Source<K> {

		/**
		 * Recipients whose oldest pending row is from {@code windowStart} or before,
		 * oldest first.
		 */
		List<K> due(Instant windowStart, int limit);

		/**
		 * Composes one recipient's pending rows into one email (in the caller's
		 * transaction); returns the emails written (0 when another node took them).
		 */
		int compose(K recipient, Instant windowStart, Instant now);

	}

	private final TransactionTemplate transactions;

	Batches(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	/**
	 * Composes every recipient of {@code source} due at {@code now}; returns the emails
	 * written.
	 */
	<K> int composeDue(Source<K> source, Instant windowStart, Instant now) {
		int written = 0;
		for (int round = 0; round < ROUNDS; round++) {
			List<K> due = source.due(windowStart, BATCH);
			for (K recipient : due) {
				Integer one = this.transactions.execute(status -> source.compose(recipient, windowStart, now));
				written += one == null ? 0 : one;
			}
			if (due.size() < BATCH) {
				break;
			}
		}
		return written;
	}

}
