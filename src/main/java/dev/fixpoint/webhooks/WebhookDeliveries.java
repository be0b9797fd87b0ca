package dev.fixpoint.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Project;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A webhook's deliveries: the log (newest first, 30 days), a redelivery of one of them
 * (the same body under a new delivery id) and a test ping. A delivery is a row written in
 * the transaction that decides it and a {@link WebhookDeliveryDue} event: the outbox
 * sends it after that commits.
 */
@Service
public class WebhookDeliveries {

	private final DeliveryRepository deliveries;

	private final Owners owners;

	private final Payloads payloads;

	private final Sending sending;

	/** Writing a delivery and handing it to the sender. */
	@org.springframework.stereotype.Component
	record Sending(ApplicationEventPublisher events, Clock clock) {
	}

	WebhookDeliveries(DeliveryRepository deliveries, Owners owners, Payloads payloads, Sending sending) {
		this.deliveries = deliveries;
		this.owners = owners;
		this.payloads = payloads;
		this.sending = sending;
	}

	@Transactional(readOnly = true)
	public Page<WebhookDelivery> list(UUID webhookId, String cursor, Integer limit, CurrentUser user) {
		WebhookRow webhook = this.owners.manage(webhookId, user).webhook();
		int size = Page.limit(limit);
		Cursor.TimeAndId before = Cursor.timeAndId(cursor);
		List<WebhookDelivery> rows = this.deliveries.page(webhook.id(), before.time(), before.id(), size + 1);
		boolean more = rows.size() > size;
		List<WebhookDelivery> page = more ? rows.subList(0, size) : rows;
		String next = more
				? Cursor.of(page.get(page.size() - 1).createdAt().toString(), page.get(page.size() - 1).id().toString())
					.encode()
				: null;
		return new Page<>(page, next);
	}

	/** Sends a logged delivery again, as a new delivery with the same body. */
	@Transactional
	public WebhookDelivery redeliver(UUID webhookId, UUID deliveryId, CurrentUser user) {
		WebhookRow webhook = this.owners.manage(webhookId, user).webhook();
		WebhookDelivery original = this.deliveries.find(deliveryId)
			.filter(d -> d.webhookId().equals(webhook.id()))
			.orElseThrow(() -> NotFoundException.of("Delivery"));
		UUID id = Ids.newId();
		WebhookEvent event = WebhookEvent.parse(original.event()).orElseThrow();
		return enqueue(id, webhook, event, original.bugId(), this.payloads.redelivered(original.requestBody(), id),
				original.id());
	}

	/** A {@code ping} to check the receiver, whatever the webhook subscribed to. */
	@Transactional
	public WebhookDelivery ping(UUID webhookId, CurrentUser user) {
		Owners.Managed managed = this.owners.manage(webhookId, user);
		WebhookRow webhook = managed.webhook();
		Project project = managed.admin().project();
		UUID id = Ids.newId();
		String body = this.payloads.body(id, WebhookEvent.PING, Times.now(this.sending.clock()), project, user.id(),
				Map.of("webhook", Map.of("id", webhook.id(), "url", webhook.url(), "events", webhook.events())));
		return enqueue(id, webhook, WebhookEvent.PING, null, body, null);
	}

	/**
	 * Writes a delivery and its outbox event, in the caller's transaction; returns it as
	 * logged.
	 */
	WebhookDelivery enqueue(UUID id, WebhookRow webhook, WebhookEvent event, UUID bugId, String body,
			UUID redeliveryOf) {
		Instant now = Times.now(this.sending.clock());
		this.deliveries.insert(id, webhook.id(), event.key(), bugId, body, redeliveryOf, now);
		this.sending.events().publishEvent(new WebhookDeliveryDue(id, webhook.id(), orderKey(webhook.id(), bugId)));
		return this.deliveries.find(id).orElseThrow();
	}

	/** One webhook and one bug (or the webhook alone): what is delivered in order. */
	static UUID orderKey(UUID webhookId, UUID bugId) {
		return bugId == null ? webhookId
				: UUID.nameUUIDFromBytes((webhookId + "/" + bugId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
