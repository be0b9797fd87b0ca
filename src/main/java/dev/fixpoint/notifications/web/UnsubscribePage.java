package dev.fixpoint.notifications.web;

/** What the page shows: the event type the link is about, and whether it is done. */
public record UnsubscribePage(String token, String what, boolean done) {

	public String action() {
		return NotificationRoutes.unsubscribe(this.token);
	}

}
