package dev.fixpoint.triage;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Embeds the bugs filed before this module existed ({@code triage_backfill}, filled by
 * migration V41), a batch per transaction: the rows stay locked
 * ({@code FOR UPDATE SKIP LOCKED}) until their vectors commit, so nodes never embed the
 * same bug twice and a crash only repeats one batch.
 */
@Component
class Backfill {

	static final int BATCH = 32;

	private final VectorRepository vectors;

	private final Embeddings embeddings;

	Backfill(VectorRepository vectors, Embeddings embeddings) {
		this.vectors = vectors;
		this.embeddings = embeddings;
	}

	/** One batch; how many bugs it embedded (0: the queue is empty or others hold it). */
	@Transactional
	public int step() {
		List<VectorRepository.Pending> batch = this.vectors.claimBackfill(BATCH);
		for (VectorRepository.Pending pending : batch) {
			this.embeddings.embed(pending.bugId(), pending.projectId());
			this.vectors.doneBackfill(pending.bugId());
		}
		return batch.size();
	}

}
