package dev.fixpoint.bugs.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people read them on pages: "3 h ago", with the exact UTC time for a {@code title} attribute. */
final class RelativeTime {

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private RelativeTime() {
	}

	static String ago(Instant then, Instant now) {
		if (then == null) {
			return "";
		}
		long seconds = Math.max(0, Duration.between(then, now).getSeconds());
		if (seconds < 45) {
			return "just now";
		}
		if (seconds < 3600) {
			return Math.max(1, seconds / 60) + " min ago";
		}
		if (seconds < 86_400) {
			return seconds / 3600 + " h ago";
		}
		if (seconds < 30 * 86_400L) {
			return seconds / 86_400 + " d ago";
		}
		return "on " + DAY.format(then);
	}

	static String exact(Instant time) {
		return time == null ? "" : EXACT.format(time);
	}

}
