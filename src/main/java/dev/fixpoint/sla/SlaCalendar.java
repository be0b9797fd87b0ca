package dev.fixpoint.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Counts SLA time: around the clock, or only inside business hours in a time zone. Pure;
 * every answer depends on its arguments only. Days are walked in the zone's local
 * calendar, so a working day that contains a daylight saving switch is as long as the
 * wall clock says (09:00–17:00 is 8 hours on the switch day, too; a start in the skipped
 * hour moves to the first valid local time).
 */
final class SlaCalendar {

	private final ZoneId zone;

	private final BusinessHours hours;

	private SlaCalendar(ZoneId zone, BusinessHours hours) {
		this.zone = zone;
		this.hours = hours;
	}

	static SlaCalendar aroundTheClock() {
		return new SlaCalendar(ZoneId.of("UTC"), null);
	}

	static SlaCalendar of(ZoneId zone, BusinessHours hours) {
		return new SlaCalendar(zone, hours);
	}

	/**
	 * The instant at which {@code amount} of counted time has passed since {@code from}.
	 */
	Instant plus(Instant from, Duration amount) {
		if (this.hours == null || amount.isZero() || amount.isNegative()) {
			return from.plus(amount.isNegative() ? Duration.ZERO : amount);
		}
		Duration left = amount;
		LocalDate day = from.atZone(this.zone).toLocalDate();
		while (true) {
			Window w = window(day);
			if (w != null && w.end.isAfter(from)) {
				Instant begin = w.start.isAfter(from) ? w.start : from;
				Duration available = Duration.between(begin, w.end);
				if (available.compareTo(left) >= 0) {
					return begin.plus(left);
				}
				left = left.minus(available);
			}
			day = day.plusDays(1);
		}
	}

	/**
	 * How much counted time lies between two instants (zero when {@code to} is not after
	 * {@code from}).
	 */
	Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		if (this.hours == null) {
			return Duration.between(from, to);
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			Window w = window(day);
			if (w != null) {
				Instant begin = w.start.isAfter(from) ? w.start : from;
				Instant end = w.end.isBefore(to) ? w.end : to;
				if (end.isAfter(begin)) {
					total = total.plus(Duration.between(begin, end));
				}
			}
		}
		return total;
	}

	private Window window(LocalDate day) {
		if (!this.hours.days().contains(day.getDayOfWeek())) {
			return null;
		}
		return new Window(ZonedDateTime.of(day, this.hours.start(), this.zone).toInstant(),
				ZonedDateTime.of(day, this.hours.end(), this.zone).toInstant());
	}

	private record Window(Instant start, Instant end) {
	}

}
