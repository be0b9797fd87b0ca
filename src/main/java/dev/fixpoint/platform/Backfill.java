package dev.fixpoint.platform;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done again over existing rows in the background, a batch at a time, in id order:
 * e.g. rendering the texts an older markdown renderer made. A module declares one as a
 * bean; {@code Backfills} walks each once per start of the node, to its end. A batch
 * claims its work (e.g. {@code pg_try_advisory_xact_lock}, see
 * {@code SchedulingConfiguration}) so that several nodes don't do the same batch.
 */
public interface Backfill {

	/**
	 * What a batch did.
	 *
	 * @param claimed whether this node did the batch (false: another node is doing one)
	 * @param done how many rows it changed; a claimed batch that changed none ends the
	 * walk
	 * @param last the last row it looked at: the next batch starts after it
	 */
	record Batch(boolean claimed, int done, UUID last) {
	}

	/**
	 * What is done, for the log line at the end of a walk, e.g. "Comments rendered
	 * again".
	 */
	String what();

	/**
	 * Does the next batch of at most {@code size} rows after {@code after} (null: the
	 * first).
	 */
	Batch next(UUID after, int size);

	/** One walk of a backfill from its first row to its end. */
	final class Walk {

		private static final Logger log = LoggerFactory.getLogger(Backfill.class);

		private final Backfill backfill;

		private UUID after;

		private boolean done;

		private long changed;

		public Walk(Backfill backfill) {
			this.backfill = backfill;
		}

		/** Does the next batch, unless the walk is at its end. */
		public void step(int size) {
			if (this.done) {
				return;
			}
			Batch batch = this.backfill.next(this.after, size);
			this.after = batch.last();
			this.changed += batch.done();
			if (batch.claimed() && batch.done() == 0) {
				this.done = true;
				if (this.changed > 0) {
					log.info("{} in the background: {}", this.backfill.what(), this.changed);
				}
			}
		}

		public boolean done() {
			return this.done;
		}

	}

}
