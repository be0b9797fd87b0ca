package dev.fixpoint.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.platform.outbox.RetryLaterException;
import dev.fixpoint.webhooks.WebhookClient.Outcome;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a delivery (outbox consumer {@code webhook-sender}, ordered per webhook and bug):
 * signs the stored body with the webhook's secret, posts it, and logs the attempt in a
 * transaction of its own (the log keeps failed attempts, which the outbox rolls back). A
 * timeout, dropped connection, 5xx or 429 is retried by the outbox with its backoff, at
 * least as late as {@code Retry-After}; once the delivery is older than {@code retry-for}
 * (24 h) it fails and {@link Disabling} turns the webhook off. The delivery id is the
 * receiver's idempotency key: a crash between the answer and the commit sends it again.
 */
@Component
class WebhookSender {

	private final DeliveryRepository deliveries;

	private final WebhookRepository webhooks;

	private final WebhookClient client;

	private final Support with;

	/** The secret store, the log's own transaction, the webhook's end, time, limits. */
	@Component
	static class Support {

		final SecretBox secrets;

		final TransactionTemplate ownTransaction;

		final Disabling disabling;

		final WebhookProperties properties;

		final Clock clock;

		Support(SecretBox secrets, PlatformTransactionManager transactions, Disabling disabling,
				WebhookProperties properties, Clock clock) {
			this.secrets = secrets;
			this.ownTransaction = new TransactionTemplate(transactions);
			this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			this.disabling = disabling;
			this.properties = properties;
			this.clock = clock;
		}

	}

	WebhookSender(DeliveryRepository deliveries, WebhookRepository webhooks, WebhookClient client, Support with) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.client = client;
		this.with = with;
	}

	void on(OutboxDelivery<WebhookDeliveryDue> due) {
		WebhookDelivery delivery = this.deliveries.find(due.event().deliveryId()).orElse(null);
		if (delivery == null || !"pending".equals(delivery.state())) {
			return; // gone with its webhook, or finished before a crash
		}
		WebhookRow webhook = this.webhooks.find(delivery.webhookId()).orElse(null);
		if (webhook == null || !webhook.active()) {
			this.deliveries.finish(delivery.id(), "skipped", "The webhook was disabled before it went out");
			return;
		}
		Outcome outcome = send(webhook, delivery);
		Instant now = Times.now(this.with.clock);
		String state = switch (outcome.kind()) {
			case DELIVERED -> "delivered";
			case FAILED -> "failed";
			case REFUSED -> "refused";
			case RETRY -> "pending";
		};
		this.with.ownTransaction.executeWithoutResult(s -> this.deliveries.record(delivery.id(),
				new DeliveryRepository.Attempt(state, outcome.status(), outcome.error(),
						(int) Math.min(Integer.MAX_VALUE, outcome.took().toMillis()), outcome.excerpt(), now)));
		if (outcome.kind() != Outcome.Kind.RETRY) {
			return;
		}
		if (!now.isBefore(delivery.createdAt().plus(this.with.properties.retryFor()))) {
			this.deliveries.finish(delivery.id(), "failed", null);
			this.with.disabling.afterPersistentFailure(webhook, delivery, outcome.error());
			return;
		}
		throw new RetryLaterException("webhook " + webhook.id() + ": " + outcome.error(), outcome.retryAfter());
	}

	private Outcome send(WebhookRow webhook, WebhookDelivery delivery) {
		byte[] body = delivery.requestBody().getBytes(StandardCharsets.UTF_8);
		String secret = this.with.secrets.open(Webhooks.SECRET_PURPOSE, webhook.secret());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Fixpoint-Event", delivery.event());
		headers.put("X-Fixpoint-Delivery", delivery.id().toString());
		headers.put("X-Fixpoint-Hook-Id", webhook.id().toString());
		headers.put("X-Fixpoint-Signature-256", "sha256=" + Hmacs.sha256Hex(secret, body));
		return this.client.post(webhook.url(), headers, body);
	}

}
