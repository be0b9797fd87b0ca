package dev.fixpoint.portal;

import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.outbox.OutboxConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code portal} outbox consumer, in order per bug: a status change reaches the bug's
 * portal reporter and, for a published bug whose public status changed, the status page's
 * subscribers; a comment visible to the reporter (not their own) reaches the reporter.
 * Writes no row for other comments.
 */
@Configuration(proxyBeanMethods = false)
class PortalOutbox {

	@Bean
	OutboxConsumer portalConsumer(PortalNews news) {
		return OutboxConsumer.named("portal")
			.orderedPerAggregate()
			.on(BugStatusChanged.class, BugStatusChanged::bugId, news::onStatusChanged)
			.on(CommentAdded.class, CommentAdded::bugId,
					event -> event.visibleToReporter() && !PortalActor.user().id().equals(event.authorId()),
					news::onComment)
			.build();
	}

}
