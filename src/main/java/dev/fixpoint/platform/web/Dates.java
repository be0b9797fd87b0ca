package dev.fixpoint.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as pages show them. UTC until users have a time zone setting. */
public final class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private Dates() {
	}

	/**
	 * "just now", "5 min ago", "3 h ago", "2 d ago", then "on 25 Nov 2026"; empty for no
	 * time.
	 */
	public static String ago(Instant then, Instant now) {
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

	/** "2026-11-25 16:00 UTC" (for title attributes); empty for no time. */
	public static String exact(Instant time) {
		return time == null ? "" : EXACT.format(time);
	}

	/** "25 Nov 2026", or {@code fallback} for no date. */
	public static String day(Instant instant, String fallback) {
		return instant == null ? fallback : DAY.format(instant);
	}

	/** The machine-readable value for a {@code <time datetime>} attribute. */
	public static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
