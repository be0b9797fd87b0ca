package dev.fixpoint.bugs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The human key of a bug, {@code WEB-42}: project key and per-project number. */
public record BugKey(String projectKey, int number) {

	private static final Pattern PATTERN = Pattern.compile("^([A-Za-z][A-Za-z0-9]{1,9})-([1-9][0-9]{0,8})$");

	public static Optional<BugKey> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		Matcher m = PATTERN.matcher(value.trim());
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new BugKey(m.group(1).toUpperCase(java.util.Locale.ROOT), Integer.parseInt(m.group(2))));
	}

	@Override
	public String toString() {
		return this.projectKey + "-" + this.number;
	}

}
