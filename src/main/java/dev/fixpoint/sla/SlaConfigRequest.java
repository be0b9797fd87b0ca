package dev.fixpoint.sla;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import dev.fixpoint.bugs.Severity;

/**
 * A project's SLA configuration as the API reads and writes it:
 * {@code {critical: "4h", high: "24h", medium: "1w", low: null, time_zone:
 * "Europe/Berlin", business_hours: {days: ["mon", …], start: "09:00", end: "17:00"} |
 * null}}. A severity left out or null has no SLA; {@code business_hours} null counts
 * around the clock.
 */
public record SlaConfigRequest(String critical, String high, String medium, String low, String timeZone,
		Hours businessHours) {

	public record Hours(List<String> days, String start, String end) {
	}

	public static SlaConfigRequest of(SlaPolicy policy) {
		BusinessHours h = policy.businessHours();
		return new SlaConfigRequest(text(policy, Severity.CRITICAL), text(policy, Severity.HIGH),
				text(policy, Severity.MEDIUM), text(policy, Severity.LOW), policy.zone().getId(),
				h == null ? null : new Hours(h.days().stream().sorted().map(SlaConfigRequest::dayKey).toList(),
						h.start().toString(), h.end().toString()));
	}

	public static String dayKey(DayOfWeek day) {
		return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
	}

	private static String text(SlaPolicy policy, Severity severity) {
		return policy.target(severity).map(SlaTarget::text).orElse(null);
	}

}
