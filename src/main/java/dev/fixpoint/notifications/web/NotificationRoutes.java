package dev.fixpoint.notifications.web;

/**
 * The notification pages' URLs and element ids, shared by controllers, templates and
 * notifications.js.
 */
public final class NotificationRoutes {

	public static final String CENTER = "/notifications";

	public static final String READ = "/notifications/read";

	/**
	 * Server-Sent Events: {@code unread} events with the count (and a toast for a new
	 * notification).
	 */
	public static final String STREAM = "/notifications/stream";

	public static final String PREFERENCES = "/settings/notifications";

	/** The notification list: "Mark read" and "More" (htmx) replace or extend it. */
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
