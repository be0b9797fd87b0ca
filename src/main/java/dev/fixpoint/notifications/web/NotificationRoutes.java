package dev.fixpoint.notifications.web;

/**
 * The notification pages' URLs and element ids, shared by controllers, templates and
 * notifications.js / notification-triage.js.
 */
public final class NotificationRoutes {

	public static final String CENTER = "/notifications";

	public static final String READ = "/notifications/read";

	/** Done: out of the inbox (archived). */
	public static final String DONE = "/notifications/done";

	/** Snoozed until a {@code choice} (later, tomorrow, next_week). */
	public static final String SNOOZE = "/notifications/snooze";

	/** Back to the inbox (undoes done and snooze). */
	public static final String RESTORE = "/notifications/restore";

	/**
	 * Server-Sent Events: {@code unread} events with the count (and a toast for a new
	 * notification).
	 */
	public static final String STREAM = "/notifications/stream";

	public static final String PREFERENCES = "/settings/notifications";

	/** The notification list: its forms (htmx) replace it. */
	public static final String LIST_ID = "notification-list";

	/** The watch/mute box on a bug page. */
	public static final String WATCH_ID = "bug-watch";

	private NotificationRoutes() {
	}

	public static String watch(String bugKey) {
		return "/bugs/" + bugKey + "/watch";
	}

	public static String unsubscribe(String token) {
		return "/unsubscribe/" + token;
	}

}
