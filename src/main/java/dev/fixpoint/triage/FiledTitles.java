package dev.fixpoint.triage;

import dev.fixpoint.bugs.FiledBugRows;

import org.springframework.stereotype.Component;

/**
 * With the model off on this node, a filed bug's title row ({@code triage_vectors} under
 * {@link VectorRepository#NOT_EMBEDDED}, queued for the embedding backfill) is written by
 * the bug's own insert statement ({@link FiledBugRows}): words find the bug the moment it
 * commits, and the filing writes no {@code triage} outbox row, so no slow-lane
 * transaction per filing reads the bug back to store its title (bench/sql/README.md,
 * "Filing: the bug's rows in one statement"). With the model on, the {@code triage}
 * consumer embeds the bug after commit ({@link TriageOutbox}).
 */
@Component
class FiledTitles implements FiledBugRows {

	private final Embeddings embeddings;

	FiledTitles(Embeddings embeddings) {
		this.embeddings = embeddings;
	}

	@Override
	public FiledBugRows.Rows rows(FiledBugRows.FiledBug bug) {
		return this.embeddings.enabled() ? FiledBugRows.Rows.NONE : VectorRepository.titleWithBug(bug.at());
	}

}
