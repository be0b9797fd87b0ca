package dev.fixpoint.webhooks;

import dev.fixpoint.attachments.AttachmentAdded;
import dev.fixpoint.bugs.BugAssigned;
import dev.fixpoint.bugs.BugChanged;
import dev.fixpoint.bugs.BugCreated;
import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.bugs.ReleaseChanged;
import dev.fixpoint.bugs.ReleaseCreated;
import dev.fixpoint.bugs.ReleaseReleased;
import dev.fixpoint.comments.CommentAdded;
import dev.fixpoint.platform.outbox.OutboxConsumer;
import dev.fixpoint.sla.SlaThresholdReached;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two outbox consumers of webhooks: {@code webhooks} turns the facts into deliveries
 * (ordered per bug or release, so their deliveries are written in the order of the
 * changes), and {@code webhook-sender} sends them (ordered per webhook and bug, so they
 * arrive in that order and a failing receiver holds back only its own).
 */
@Configuration(proxyBeanMethods = false)
class WebhookOutbox {

	@Bean
	OutboxConsumer webhooksConsumer(WebhookFanOut fanOut, ReleaseFanOut releases, Listening listening) {
		return OutboxConsumer.named("webhooks")
			.orderedPerAggregate()
			.on(BugCreated.class, BugCreated::bugId, e -> listening.any(e.projectId()), fanOut::on)
			.on(BugChanged.class, BugChanged::bugId, e -> listening.any(e.projectId()), fanOut::onChange)
			.on(BugStatusChanged.class, BugStatusChanged::bugId, e -> listening.any(e.projectId()), fanOut::onStatus)
			.on(BugAssigned.class, BugAssigned::bugId, e -> listening.any(e.projectId()), fanOut::onAssign)
			.on(CommentAdded.class, CommentAdded::bugId, e -> listening.any(e.projectId()), fanOut::onComment)
			.on(AttachmentAdded.class, AttachmentAdded::bugId, e -> listening.any(e.projectId()), fanOut::onAttachment)
			.on(SlaThresholdReached.class, SlaThresholdReached::bugId, e -> listening.any(e.projectId()), fanOut::onSla)
			.on(ReleaseCreated.class, ReleaseCreated::releaseId, e -> listening.any(e.projectId()), releases::onCreated)
			.on(ReleaseChanged.class, ReleaseChanged::releaseId, e -> listening.any(e.projectId()), releases::onChanged)
			.on(ReleaseReleased.class, ReleaseReleased::releaseId, e -> listening.any(e.projectId()),
					releases::onReleased)
			.build();
	}

	@Bean
	OutboxConsumer webhookSenderConsumer(WebhookSender sender) {
		return OutboxConsumer.named("webhook-sender")
			.callsOut()
			.orderedPerAggregate()
			.on(WebhookDeliveryDue.class, WebhookDeliveryDue::orderKey, sender::on)
			.build();
	}

}
