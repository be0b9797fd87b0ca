package dev.fixpoint.notifications;

import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;

/** One in-app notification, as the API and the notification center show it. */
public record Notification(UUID id, String kind, BugRef bug, UUID projectId, UserSummary actor, String text,
		Instant createdAt, Instant readAt) {

	/** The bug a notification is about, with its page. */
	public record BugRef(UUID id, String key, String title, String url) {
	}

	public boolean read() {
		return this.readAt != null;
	}

}
