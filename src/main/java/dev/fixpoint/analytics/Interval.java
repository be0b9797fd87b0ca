package dev.fixpoint.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a series is bucketed: by UTC day, ISO week (from Monday) or calendar month. */
public enum Interval {

	DAY, WEEK, MONTH;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Interval> parse(String value) {
		return Arrays.stream(values()).filter(i -> i.key().equals(value)).findFirst();
	}

	/** The first day of the bucket {@code day} falls in. */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/** The first day of the next bucket. */
	public LocalDate next(LocalDate bucketStart) {
		return switch (this) {
			case DAY -> bucketStart.plusDays(1);
			case WEEK -> bucketStart.plusWeeks(1);
			case MONTH -> bucketStart.plusMonths(1);
		};
	}

}
