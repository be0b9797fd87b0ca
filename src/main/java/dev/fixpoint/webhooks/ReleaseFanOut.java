package dev.fixpoint.webhooks;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.Release;
import dev.fixpoint.bugs.ReleaseChanged;
import dev.fixpoint.bugs.ReleaseCreated;
import dev.fixpoint.bugs.ReleaseReleased;
import dev.fixpoint.bugs.Releases;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.webhooks.WebhookFanOut.Readers;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;

import org.springframework.stereotype.Component;

/**
 * Turns the facts of releases (outbox consumer {@code webhooks}, ordered per release,
 * after their change committed) into deliveries: for each active webhook of the project
 * that subscribed to the event and whose owner still has access, one delivery with the
 * release as the API shows it (and, for {@code release.updated}, what changed). A release
 * is no bug: filters, which select bugs, do not apply. Deliveries carry no bug, so they
 * go out in order per webhook.
 */
@Component
class ReleaseFanOut {

	private final WebhookRepository webhooks;

	private final Owners owners;

	private final Releases releases;

	private final Readers with;

	ReleaseFanOut(WebhookRepository webhooks, Owners owners, Releases releases, Readers with) {
		this.webhooks = webhooks;
		this.owners = owners;
		this.releases = releases;
		this.with = with;
	}

	void onCreated(OutboxDelivery<ReleaseCreated> d) {
		ReleaseCreated e = d.event();
		fanOut(WebhookEvent.RELEASE_CREATED, e.projectId(), e.releaseId(), e.actorId(), d.publishedAt(), Map.of());
	}

	void onChanged(OutboxDelivery<ReleaseChanged> d) {
		ReleaseChanged e = d.event();
		Map<String, Object> changes = new LinkedHashMap<>();
		e.changes().forEach((field, change) -> {
			Map<String, Object> fromTo = new HashMap<>();
			fromTo.put("from", change.oldValue());
			fromTo.put("to", change.newValue());
			changes.put(field, fromTo);
		});
		fanOut(WebhookEvent.RELEASE_UPDATED, e.projectId(), e.releaseId(), e.actorId(), d.publishedAt(),
				Map.of("changes", changes));
	}

	void onReleased(OutboxDelivery<ReleaseReleased> d) {
		ReleaseReleased e = d.event();
		fanOut(WebhookEvent.RELEASE_RELEASED, e.projectId(), e.releaseId(), e.actorId(), d.publishedAt(), Map.of());
	}

	private void fanOut(WebhookEvent event, UUID projectId, UUID releaseId, UUID actorId, Instant occurredAt,
			Map<String, Object> extra) {
		for (WebhookRow hook : this.webhooks.listening(projectId, event)) {
			this.owners.ownerOf(hook)
				.ifPresent(owner -> this.releases.find(releaseId, owner)
					.ifPresent(release -> enqueue(hook, owner, event, actorId, occurredAt, release, extra)));
		}
	}

	private void enqueue(WebhookRow hook, Membership owner, WebhookEvent event, UUID actorId, Instant occurredAt,
			Release release, Map<String, Object> extra) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("release", release);
		body.putAll(extra);
		UUID id = Ids.newId();
		this.with.deliveries()
			.enqueue(id, hook, event, null,
					this.with.payloads().body(id, event, occurredAt, owner.project(), actorId, body), null);
	}

}
