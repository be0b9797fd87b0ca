package dev.fixpoint.triage;

import java.time.Duration;

import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugsImported;
import dev.fixpoint.imports.Imports;
import dev.fixpoint.platform.outbox.OutboxConsumer;
import dev.fixpoint.platform.outbox.RetryLaterException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Triage's outbox consumers. {@code triage} embeds a filed bug (while the model runs on
 * the filing node; with it off, {@link FiledTitles} writes the title row in the filing's
 * transaction), or an edit of its report text, after commit in the outbox's slow lane
 * (one thread of its own: the model never delays a notification), in order per bug so an
 * older text never overwrites a newer one. An import's batch ({@code BugsImported}, no
 * {@code BugCreated}) has its titles written at once by {@code triage-titles} (words find
 * the bugs during the import) and its reports embedded by {@code triage} once no import
 * is running any more: while one runs, the delivery is postponed ({@link #IMPORT_WAIT},
 * then the outbox's backoff), so the model never takes CPU from an import, and catches up
 * after it.
 */
@Configuration(proxyBeanMethods = false)
class TriageOutbox {

	/** How long an imported batch's embedding waits at least while an import runs. */
	static final Duration IMPORT_WAIT = Duration.ofSeconds(30);

	@Bean
	OutboxConsumer triageConsumer(Embeddings embeddings, Imports imports) {
		return OutboxConsumer.named("triage")
			.orderedPerAggregate()
			.slow()
			// with the model off a filing's title row is written in its own transaction
			// (FiledTitles): nothing to deliver
			.on(BugCreated.class, BugCreated::bugId, e -> embeddings.enabled(),
					d -> embeddings.embed(d.event().bugId(), d.event().projectId()))
			.on(BugChanged.class, BugChanged::bugId,
					e -> e.changed("title") || e.changed("description") || e.changed("steps_to_reproduce"),
					d -> embeddings.embed(d.event().bugId(), d.event().projectId()))
			.on(BugsImported.class, BugsImported::projectId, d -> {
				if (embeddings.enabled() && imports.running()) {
					throw new RetryLaterException("an import is running: embedding after it", IMPORT_WAIT);
				}
				embeddings.imported(d.event().projectId(), d.event().bugs());
			})
			.build();
	}

	@Bean
	OutboxConsumer triageTitlesConsumer(Embeddings embeddings) {
		return OutboxConsumer.named("triage-titles")
			.on(BugsImported.class, BugsImported::projectId, d -> embeddings.queue(d.event().bugs()))
			.build();
	}

}
