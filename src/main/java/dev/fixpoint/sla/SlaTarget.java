package dev.fixpoint.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as people write it: a whole number and a unit, {@code 30m}, {@code 4h},
 * {@code 3d}, {@code 1w}. With business hours it is counted in working time ({@code 1d} =
 * 24 working hours, not "one working day").
 */
public record SlaTarget(String text, Duration duration) {

	private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([mhdw])");

	public static Optional<SlaTarget> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.strip().toLowerCase(Locale.ROOT);
		Matcher m = FORMAT.matcher(v);
		if (!m.matches()) {
			return Optional.empty();
		}
		long n = Long.parseLong(m.group(1));
		Duration d = switch (m.group(2)) {
			case "m" -> Duration.ofMinutes(n);
			case "h" -> Duration.ofHours(n);
			case "d" -> Duration.ofDays(n);
			default -> Duration.ofDays(7 * n);
		};
		return Optional.of(new SlaTarget(v, d));
	}

	public static SlaTarget of(String value) {
		return parse(value).orElseThrow(() -> new IllegalArgumentException("not a target: " + value));
	}

	@Override
	public String toString() {
		return this.text;
	}

}
