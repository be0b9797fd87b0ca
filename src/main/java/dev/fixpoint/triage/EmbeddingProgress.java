package dev.fixpoint.triage;

/**
 * How far the embedding of a project's bugs is: embedded, skipped (no text to embed) and
 * still queued by the backfill.
 */
public record EmbeddingProgress(long embedded, long skipped, long queued) {

	/** Share of the bugs looked at, 0..100. */
	public int percent() {
		long all = this.embedded + this.skipped + this.queued;
		return all == 0 ? 100 : (int) ((this.embedded + this.skipped) * 100 / all);
	}

}
