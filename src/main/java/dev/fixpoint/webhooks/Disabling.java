package dev.fixpoint.webhooks;

import java.time.Clock;

import dev.fixpoint.notifications.AccountEmails;
import dev.fixpoint.platform.Times;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns a webhook off after a delivery kept failing for {@code retry-for} (24 h) and
 * tells its owner by email (the email outbox: once, with the change). Its later pending
 * deliveries are then skipped; an admin enables it again with {@code active: true} and
 * redelivers what it missed.
 */
@Component
class Disabling {

	private static final Logger log = LoggerFactory.getLogger(Disabling.class);

	private final WebhookRepository webhooks;

	private final AccountEmails emails;

	private final WebhookProperties properties;

	private final Listening listening;

	private final Clock clock;

	Disabling(WebhookRepository webhooks, AccountEmails emails, WebhookProperties properties, Listening listening,
			Clock clock) {
		this.webhooks = webhooks;
		this.emails = emails;
		this.properties = properties;
		this.listening = listening;
		this.clock = clock;
	}

	void afterPersistentFailure(WebhookRow webhook, WebhookDelivery delivery, String lastError) {
		String reason = "Deliveries failed for " + this.properties.retryFor().toHours() + " hours (last: " + lastError
				+ ")";
		if (!this.webhooks.disable(webhook.id(), reason, Times.now(this.clock))) {
			return;
		}
		this.listening.changed(webhook.projectId());
		log.warn("Webhook {} to {} disabled: {}", webhook.id(), webhook.url(), reason);
		this.emails.send(webhook.ownerId(), "Fixpoint disabled your webhook to " + webhook.url(), """
				Fixpoint could not deliver to your webhook %s for %d hours and has disabled it.

				Delivery %s (%s) last failed with: %s

				Enable it again in the project's webhook settings once the receiver works, then redeliver what it
				missed from its delivery log.
				""".formatted(webhook.url(), this.properties.retryFor().toHours(), delivery.id(), delivery.event(),
				lastError));
	}

}
