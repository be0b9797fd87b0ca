package dev.fixpoint.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event catalogue: what a webhook can subscribe to, by its wire name. */
public enum WebhookEvent {

	BUG_CREATED("bug.created"), BUG_UPDATED("bug.updated"), BUG_STATUS_CHANGED("bug.status_changed"),
	BUG_ASSIGNED("bug.assigned"), COMMENT_CREATED("comment.created"), ATTACHMENT_CREATED("attachment.created"),
	SLA_THRESHOLD_REACHED("sla.threshold_reached"),
	/** Releases: not about one bug, so a webhook's filter does not apply to them. */
	RELEASE_CREATED("release.created"), RELEASE_UPDATED("release.updated"), RELEASE_RELEASED("release.released"),
	/** Sent on request ("send a test ping"), whatever a webhook subscribed to. */
	PING("ping");

	private final String key;

	WebhookEvent(String key) {
		this.key = key;
	}

	public String key() {
		return this.key;
	}

	/**
	 * Whether a delivery of this event carries a bug (and a webhook's filter applies).
	 */
	public boolean aboutBugs() {
		return this != PING && !this.key.startsWith("release.");
	}

	public static Optional<WebhookEvent> parse(String key) {
		return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
	}

	/** The events a webhook subscribes to (all but ping), for the settings page. */
	public static List<WebhookEvent> subscribable() {
		return Arrays.stream(values()).filter(e -> e != PING).toList();
	}

}
