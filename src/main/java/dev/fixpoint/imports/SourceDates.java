package dev.fixpoint.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as trackers write them: Jira's default {@code 01/Mar/24 9:15 AM} (and with a
 * four-digit year or seconds), ISO with an offset ({@code 2024-03-01T09:15:00.000+0100},
 * Jira's REST API; {@code ...Z}), ISO without one ({@code 2024-03-01 09:15:00}, a day
 * alone), and JavaScript's {@code Fri Mar 01 2024 09:15:00 GMT+0000}. A time without an
 * offset is in the import's time zone.
 */
final class SourceDates {

	private static final List<DateTimeFormatter> LOCAL = List.of(formatter("d/MMM/yy h:mm[:ss] a"),
			formatter("d/MMM/yyyy h:mm[:ss] a"), formatter("d/MMM/yy H:mm[:ss]"), formatter("d/MMM/yyyy H:mm[:ss]"),
			formatter("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS]"), formatter("d.M.yyyy H:mm[:ss]"));

	private static final List<DateTimeFormatter> DAYS = List.of(formatter("yyyy-MM-dd"), formatter("d/MMM/yy"),
			formatter("d/MMM/yyyy"), formatter("d.M.yyyy"));

	private static final List<DateTimeFormatter> OFFSET = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			formatter("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]xx"),
			formatter("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][ ]xxx"),
			formatter("EEE MMM dd yyyy HH:mm:ss 'GMT'xx"));

	private SourceDates() {
	}

	private static DateTimeFormatter formatter(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
	}

	/** The instant, or empty when the text is none of the known forms. */
	static Optional<Instant> instant(String text, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = ZONE_NAME.matcher(text.strip()).replaceFirst("");
		for (DateTimeFormatter f : OFFSET) {
			if (fits(f, t)) {
				try {
					return Optional.of(OffsetDateTime.parse(t, f).toInstant());
				}
				catch (DateTimeParseException ex) {
					// the next form
				}
			}
		}
		for (DateTimeFormatter f : LOCAL) {
			if (fits(f, t)) {
				try {
					return Optional.of(LocalDateTime.parse(t, f).atZone(zone).toInstant());
				}
				catch (DateTimeParseException ex) {
					// the next form
				}
			}
		}
		return dayOnly(t).map(d -> d.atStartOfDay(zone).toInstant());
	}

	/** A day (a due date); a date with a time gives its day. */
	static Optional<LocalDate> day(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.strip();
		return dayOnly(t).or(() -> instant(t, UTC).map(i -> LocalDate.ofInstant(i, UTC)));
	}

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static Optional<LocalDate> dayOnly(String t) {
		for (DateTimeFormatter f : DAYS) {
			if (fits(f, t)) {
				try {
					return Optional.of(LocalDate.parse(t, f));
				}
				catch (DateTimeParseException ex) {
					// the next form
				}
			}
		}
		return Optional.empty();
	}

	/** "(CET)" after a date: dropped. */
	private static final java.util.regex.Pattern ZONE_NAME = java.util.regex.Pattern.compile("\\s*\\(.*\\)$");

	/**
	 * Whether the text has the form at all: checked without an exception (a failed
	 * {@code parse} throws one, and most forms fail for most texts: 100,000 rows with
	 * three dates each would throw over a million).
	 */
	private static boolean fits(DateTimeFormatter f, String t) {
		java.text.ParsePosition position = new java.text.ParsePosition(0);
		return f.parseUnresolved(t, position) != null && position.getErrorIndex() < 0
				&& position.getIndex() == t.length();
	}

}
