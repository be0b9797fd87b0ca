package dev.fixpoint.sla;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.fixpoint.bugs.Severity;

/**
 * A project's SLA: a target per severity (none = no SLA for that severity), counted
 * around the clock or in business hours of a time zone.
 */
public record SlaPolicy(Map<Severity, SlaTarget> targets, ZoneId zone, BusinessHours businessHours) {

	public SlaPolicy {
		EnumMap<Severity, SlaTarget> copy = new EnumMap<>(Severity.class);
		copy.putAll(targets);
		targets = java.util.Collections.unmodifiableMap(copy);
		zone = zone == null ? ZoneId.of("UTC") : zone;
	}

	/**
	 * The defaults the seed advises: critical 4 h, high 24 h, medium 1 week, low none;
	 * around the clock, UTC.
	 */
	public static SlaPolicy defaults() {
		return new SlaPolicy(Map.of(Severity.CRITICAL, SlaTarget.of("4h"), Severity.HIGH, SlaTarget.of("24h"),
				Severity.MEDIUM, SlaTarget.of("1w")), ZoneId.of("UTC"), null);
	}

	public Optional<SlaTarget> target(Severity severity) {
		return Optional.ofNullable(this.targets.get(severity));
	}

	SlaCalendar calendar() {
		return this.businessHours == null ? SlaCalendar.aroundTheClock()
				: SlaCalendar.of(this.zone, this.businessHours);
	}

}
