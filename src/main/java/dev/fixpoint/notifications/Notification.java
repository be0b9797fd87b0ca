package dev.fixpoint.notifications;

import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;

/**
 * One in-app notification, as the API and the notification center show it.
 * {@code snoozedUntil}: set while it is snoozed; {@code doneAt}: set once it is done
 * (archived); {@code participating}: the person takes part in the bug (reporter,
 * assignee, commenter, mentioned), not only watches it.
 */
public record Notification(UUID id, String kind, BugRef bug, UUID projectId, UserSummary actor, String text,
		Instant createdAt, Instant readAt, Instant snoozedUntil, Instant doneAt, boolean participating) {

	/** The bug a notification is about, with its page. */
	public record BugRef(UUID id, String key, String title, String url) {
	}

	public boolean read() {
		return this.readAt != null;
	}

}
