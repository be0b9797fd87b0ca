package dev.fixpoint.notifications;

import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.BugBulk;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.bugs.UserMentioned;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.outbox.OutboxConsumer;
import dev.fixpoint.sla.SlaThresholdReached;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code notifications} outbox consumer: the facts people hear about, delivered after
 * commit to {@link Notifier}, in order per bug. A bulk change's id is captured when the
 * event is published (the bulk runs on the publishing thread), so its emails still become
 * one summary.
 */
@Configuration(proxyBeanMethods = false)
class NotificationOutbox {

	@Bean
	OutboxConsumer notificationsConsumer(Notifier notifier) {
		return OutboxConsumer.named("notifications")
			.orderedPerAggregate()
			.batchedBy(BugBulk::currentBulkId)
			.on(BugCreated.class, BugCreated::bugId, Notifier::assignedToSomeoneElse, notifier::on)
			.on(BugAssigned.class, BugAssigned::bugId, event -> event.assigneeId() != null, notifier::onAssigned)
			.on(BugStatusChanged.class, BugStatusChanged::bugId, notifier::onStatusChanged)
			.on(CommentAdded.class, CommentAdded::bugId, notifier::onComment)
			.on(UserMentioned.class, UserMentioned::bugId, notifier::onMention)
			.on(SlaThresholdReached.class, SlaThresholdReached::bugId, notifier::onSla)
			.build();
	}

}
