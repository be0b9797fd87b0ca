package dev.fixpoint.triage;

import java.time.Clock;

import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.platform.Times;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the model off on this node, a filed bug's title row ({@code triage_vectors} under
 * {@link VectorRepository#NOT_EMBEDDED}, queued for the embedding backfill) is written in
 * the filing's transaction (plain {@code @EventListener}, one statement): words find the
 * bug the moment it commits, and the filing writes no {@code triage} outbox row, so no
 * slow-lane transaction per filing reads the bug back to store its title
 * (bench/sql/README.md, "Filing: the bug's rows in one statement"). With the model on,
 * the {@code triage} consumer embeds the bug after commit ({@link TriageOutbox}).
 */
@Component
class FiledTitles {

	private final Embeddings embeddings;

	private final VectorRepository vectors;

	private final Clock clock;

	FiledTitles(Embeddings embeddings, VectorRepository vectors, Clock clock) {
		this.embeddings = embeddings;
		this.vectors = vectors;
		this.clock = clock;
	}

	@EventListener
	void on(BugCreated event) {
		if (!this.embeddings.enabled()) {
			this.vectors.saveTitleOfFiled(event.bugId(), Times.now(this.clock));
		}
	}

}
