package dev.fixpoint.notifications;

import java.util.Map;

/**
 * A change of email preferences as sent by a client: every part optional (missing =
 * unchanged). Values are the contract's strings and are validated by
 * {@link NotificationSettings}.
 *
 * @param email event type ({@code assigned}, {@code status_change}, ...) to
 * {@code instant|digest|off}
 * @param digest {@code daily} or {@code weekly}
 * @param digestHour 0 to 23, in {@code timeZone}
 * @param digestDay for weekly digests: {@code monday} ... {@code sunday}
 * @param timeZone an IANA time zone such as {@code Europe/Berlin}
 */
public record PreferencesChange(Map<String, String> email, String digest, Integer digestHour, String digestDay,
		String timeZone) {
}
