package dev.fixpoint.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;

/**
 * A valid analytics period: whole UTC days {@code from..to} (both included), bucketed by
 * {@code interval}, optionally narrowed to a severity and a tag (the component is
 * resolved in the project by {@link Analytics}).
 */
public record AnalyticsPeriod(LocalDate from, LocalDate to, Interval interval, String severity, String tag) {

	public static final int DEFAULT_DAYS = 30;

	public static final int MAX_YEARS = 5;

	static final int MAX_TAG = 50;

	/** Validates {@code request}; {@code today} is the clock's UTC day. */
	public static AnalyticsPeriod of(AnalyticsRequest request, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate to = day(request.to(), "to", errors);
		LocalDate from = day(request.from(), "from", errors);
		Interval interval = Interval.DAY;
		if (blank(request.interval()) == null) {
			interval = Interval.DAY;
		}
		else {
			interval = Interval.parse(request.interval().strip()).orElse(null);
			if (interval == null) {
				errors.add(new FieldError("interval", "must be day, week or month"));
			}
		}
		String severity = blank(request.severity());
		if (severity != null && Severity.parse(severity).isEmpty()) {
			errors.add(new FieldError("severity", "must be critical, high, medium or low"));
		}
		String tag = blank(request.tag());
		if (tag != null && tag.length() > MAX_TAG) {
			errors.add(new FieldError("tag", "must be at most " + MAX_TAG + " characters"));
		}
		if (errors.isEmpty()) {
			to = to != null ? to : (from != null && from.isAfter(today) ? from : today);
			from = from != null ? from : to.minusDays(DEFAULT_DAYS - 1);
			if (from.isAfter(to)) {
				errors.add(new FieldError("from", "must not be after to"));
			}
			else if (from.plusYears(MAX_YEARS).isBefore(to)) {
				errors.add(new FieldError("from", "the range must not exceed " + MAX_YEARS + " years"));
			}
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		return new AnalyticsPeriod(from, to, interval, severity, tag);
	}

	private static LocalDate day(String value, String field, List<FieldError> errors) {
		String text = blank(value);
		if (text == null) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text);
			if (day.getYear() < 1970 || day.getYear() > 9999) {
				errors.add(new FieldError(field, "must be a day between 1970 and 9999"));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be a day, yyyy-mm-dd"));
			return null;
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The start of {@code from}, UTC. */
	public Instant start() {
		return this.from.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** The end of {@code to} (excluded), UTC. */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The bucket starts of the period, in order. */
	public List<LocalDate> buckets() {
		List<LocalDate> starts = new ArrayList<>();
		for (LocalDate b = this.interval.start(this.from); !b.isAfter(this.to); b = this.interval.next(b)) {
			starts.add(b);
		}
		return starts;
	}

	/** The last day of the bucket starting at {@code start}, clipped to the period. */
	public LocalDate bucketEnd(LocalDate start) {
		LocalDate end = this.interval.next(start).minusDays(1);
		return end.isAfter(this.to) ? this.to : end;
	}

}
