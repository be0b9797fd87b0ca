package dev.fixpoint.triage;

import java.util.Arrays;
import java.util.Locale;

import dev.fixpoint.platform.InvalidInputException;

/**
 * Accepting or dismissing one suggestion: its kind, the suggested value (a severity, a
 * priority, a username, a bug key) and the decision.
 */
public record Feedback(Kind kind, String value, Decision decision) {

	public Feedback {
		if (kind == null) {
			throw InvalidInputException.of("kind", "must be one of severity, priority, assignee, duplicate");
		}
		if (value == null || value.isBlank() || value.length() > 100) {
			throw InvalidInputException.of("value", "must be the suggested value (1 to 100 characters)");
		}
		if (decision == null) {
			throw InvalidInputException.of("decision", "must be accepted or dismissed");
		}
		value = value.strip();
	}

	public static Feedback parse(String kind, String value, String decision) {
		return new Feedback(Kind.parse(kind), value, Decision.parse(decision));
	}

	public enum Kind {

		SEVERITY, PRIORITY, ASSIGNEE, DUPLICATE;

		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind parse(String text) {
			return Arrays.stream(values()).filter(k -> k.json().equals(text)).findFirst().orElse(null);
		}

	}

	public enum Decision {

		ACCEPTED, DISMISSED;

		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Decision parse(String text) {
			return Arrays.stream(values()).filter(d -> d.json().equals(text)).findFirst().orElse(null);
		}

	}

}
