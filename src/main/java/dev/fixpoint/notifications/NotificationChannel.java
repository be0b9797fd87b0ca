package dev.fixpoint.notifications;

import java.util.UUID;

/**
 * A further delivery channel of personal notifications (Slack), implemented by the module
 * that owns it; notifications never depends on it. Called inside the outbox's delivery
 * transaction, once per recipient who would get an email item for the fact: never for
 * internal notes, for viewers only status changes, never when the person turned the event
 * type off. What the channel writes (its own outbox rows) commits with the in-app
 * notification.
 */
public interface NotificationChannel {

	void deliver(PersonalNotification notification);

	/**
	 * One notification for one person.
	 *
	 * @param text what happened, as the in-app notification says it (no comment text)
	 */
	record PersonalNotification(UUID userId, UUID bugId, UUID projectId, String bugKey, String bugTitle,
			NotificationKind kind, String text) {
	}

}
