package dev.fixpoint.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a notification is about; also the event types of the email preferences. */
public enum NotificationKind {

	ASSIGNED("Assigned to you"), STATUS_CHANGE("Status changes"), COMMENT("Comments"), MENTION("@mentions"),
	SLA("SLA warnings and breaches");

	private final String label;

	NotificationKind(String label) {
		this.label = label;
	}

	/** The name in JSON, SQL and URLs: {@code status_change}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	public static Optional<NotificationKind> parse(String key) {
		return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
	}

}
