package dev.fixpoint.status.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.fixpoint.status.SystemStatus;

/** The system status page's figures, formatted. */
public record SystemStatusPage(SystemStatus status) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String when(Instant instant) {
		return instant == null ? "—" : WHEN.format(instant);
	}

	public String uptime() {
		Duration d = Duration.ofSeconds(this.status.uptimeSeconds());
		long days = d.toDays();
		return (days > 0 ? days + " d " : "") + d.toHoursPart() + " h " + d.toMinutesPart() + " min";
	}

	public static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String units = "KMGTPE";
		int unit = (int) (Math.log(bytes) / Math.log(1024));
		return String.format(java.util.Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, unit), units.charAt(unit - 1));
	}

	public String count(Long value) {
		return value == null ? "not measured" : String.valueOf(value);
	}

}
