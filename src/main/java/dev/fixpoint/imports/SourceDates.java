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
		String t = text.strip().replaceFirst("\\s*\\(.*\\)$", "");
		for (DateTimeFormatter f : OFFSET) {
			try {
				return Optional.of(OffsetDateTime.parse(t, f).toInstant());
			}
			catch (DateTimeParseException ex) {
				// the next form
			}
		}
		for (DateTimeFormatter f : LOCAL) {
			try {
				return Optional.of(LocalDateTime.parse(t, f).atZone(zone).toInstant());
			}
			catch (DateTimeParseException ex) {
				// the next form
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
			try {
				return Optional.of(LocalDate.parse(t, f));
			}
			catch (DateTimeParseException ex) {
				// the next form
			}
		}
		return Optional.empty();
	}

}
