package dev.fixpoint.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as pages show them. UTC until users have a time zone setting. */
public final class Dates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Dates() {
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
