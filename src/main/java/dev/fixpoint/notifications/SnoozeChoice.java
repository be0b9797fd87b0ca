package dev.fixpoint.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The snooze times a person picks from (the page's menu, the {@code s} key): in three
 * hours, tomorrow at 09:00, next Monday at 09:00, in their time zone.
 */
public enum SnoozeChoice {

	LATER("In 3 hours"), TOMORROW("Tomorrow, 09:00"), NEXT_WEEK("Next week, Monday 09:00");

	private static final LocalTime MORNING = LocalTime.of(9, 0);

	private final String label;

	SnoozeChoice(String label) {
		this.label = label;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return this.label;
	}

	public static Optional<SnoozeChoice> parse(String key) {
		return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
	}

	/** The moment this choice names, seen from {@code now} in {@code zone}. */
	public Instant until(Instant now, ZoneId zone) {
		ZonedDateTime here = now.atZone(zone);
		return switch (this) {
			case LATER -> now.plus(Duration.ofHours(3));
			case TOMORROW -> here.toLocalDate().plusDays(1).atTime(MORNING).atZone(zone).toInstant();
			case NEXT_WEEK -> here.toLocalDate()
				.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
				.atTime(MORNING)
				.atZone(zone)
				.toInstant();
		};
	}

}
