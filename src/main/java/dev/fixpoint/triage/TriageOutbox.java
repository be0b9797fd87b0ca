package dev.fixpoint.triage;

import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugsImported;
import dev.fixpoint.platform.outbox.OutboxConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code triage} outbox consumer: a filed bug, or an edit of its report text, is
 * embedded after commit by the outbox workers (claimed once across nodes), in order per
 * bug so an older text never overwrites a newer one. An import's batch (up to
 * {@code fixpoint.imports.batch-size} bugs, no {@code BugCreated}) is embedded in one
 * delivery, its titles written first.
 */
@Configuration(proxyBeanMethods = false)
class TriageOutbox {

	@Bean
	OutboxConsumer triageConsumer(Embeddings embeddings) {
		return OutboxConsumer.named("triage")
			.orderedPerAggregate()
			.on(BugCreated.class, BugCreated::bugId, d -> embeddings.embed(d.event().bugId(), d.event().projectId()))
			.on(BugChanged.class, BugChanged::bugId,
					e -> e.changed("title") || e.changed("description") || e.changed("steps_to_reproduce"),
					d -> embeddings.embed(d.event().bugId(), d.event().projectId()))
			.on(BugsImported.class, BugsImported::projectId,
					d -> embeddings.imported(d.event().projectId(), d.event().bugs()))
			.build();
	}

}
