package dev.fixpoint.notifications;

import java.util.Arrays;
import java.util.Locale;

import dev.fixpoint.platform.InvalidInputException;

/**
 * Which notifications to list: a folder of the triage (the inbox, snoozed, done), why
 * they reached the person (all, mentions, assigned, participating) and, optionally, only
 * unread ones. Read from the API's and the page's {@code folder}, {@code filter} and
 * {@code unread} parameters.
 */
public record NotificationQuery(Folder folder, Filter filter, boolean unreadOnly) {

	/** Where a notification is in its triage. */
	public enum Folder {

		/** Not done, and not snoozed (or its snooze is over). */
		INBOX,
		/** Out of the inbox until a set time. */
		SNOOZED,
		/** Archived by the person. */
		DONE;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** Why the notification reached the person. */
	public enum Filter {

		ALL("All"),
		/** Someone @mentioned them. */
		MENTIONS("Mentions"),
		/** A bug was assigned to them. */
		ASSIGNED("Assigned"),
		/**
		 * They take part in the bug (reporter, assignee, commenter, mentioned), not only
		 * watch it.
		 */
		PARTICIPATING("Participating");

		private final String label;

		Filter(String label) {
			this.label = label;
		}

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String label() {
			return this.label;
		}

	}

	public static NotificationQuery inbox() {
		return new NotificationQuery(Folder.INBOX, Filter.ALL, false);
	}

	/**
	 * From request parameters (null or blank: inbox, all); unknown values are the
	 * client's error.
	 */
	public static NotificationQuery of(String folder, String filter, boolean unreadOnly) {
		return new NotificationQuery(parse(Folder.values(), "folder", folder, Folder.INBOX),
				parse(Filter.values(), "filter", filter, Filter.ALL), unreadOnly);
	}

	private static <E extends Enum<E>> E parse(E[] values, String name, String value, E fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		return Arrays.stream(values)
			.filter(v -> v.name().toLowerCase(Locale.ROOT).equals(value))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of(name, "must be one of "
					+ String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList())));
	}

}
