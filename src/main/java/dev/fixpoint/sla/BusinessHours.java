package dev.fixpoint.sla;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The working week an SLA clock counts in, e.g. Monday to Friday, 09:00 to 17:00 (in the
 * policy's time zone).
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

	public BusinessHours {
		if (days == null || days.isEmpty()) {
			throw new IllegalArgumentException("business hours need at least one day");
		}
		if (start == null || end == null || !start.isBefore(end)) {
			throw new IllegalArgumentException("business hours must start before they end");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	public static BusinessHours weekdays(LocalTime start, LocalTime end) {
		return new BusinessHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
	}

}
