package dev.fixpoint.triage;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.Backfill;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Embeds, in the background ({@code platform.Backfills}: once per start of a node, a
 * batch every {@code fixpoint.backfill.interval}), the bugs whose report is not embedded
 * by the current model: every bug filed before migration V41, those filed while the model
 * was off ({@code fixpoint.triage.enabled=false}), all of them after a change of model. A
 * batch is one transaction that holds its rows ({@code FOR UPDATE SKIP LOCKED}) until
 * their vectors commit, so nodes never embed the same bug twice and a crash repeats one
 * batch. With the model off on this node there is nothing to do. How far it is shows on
 * the project's triage settings page ({@link TriageAdmin#status}).
 */
@Component
class EmbeddingBackfill implements Backfill {

	/**
	 * At most this many bugs a batch, whatever {@code fixpoint.backfill.batch} says: some
	 * 10 ms of CPU each, so a transaction holds its connection a second or two at most.
	 */
	static final int MAX_BATCH = 64;

	private final VectorRepository vectors;

	private final Embeddings embeddings;

	EmbeddingBackfill(VectorRepository vectors, Embeddings embeddings) {
		this.vectors = vectors;
		this.embeddings = embeddings;
	}

	@Override
	public String what() {
		return "Bug reports embedded by " + SentenceEncoder.MODEL;
	}

	@Override
	@Transactional
	public Batch next(UUID after, int size) {
		if (!this.embeddings.enabled()) {
			return new Batch(true, 0, after);
		}
		List<VectorRepository.Pending> batch = this.vectors.claimOutdated(after, Math.min(size, MAX_BATCH));
		this.embeddings.embed(batch);
		return new Batch(true, batch.size(), batch.isEmpty() ? after : batch.get(batch.size() - 1).bugId());
	}

}
