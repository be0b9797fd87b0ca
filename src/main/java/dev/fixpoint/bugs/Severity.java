package dev.fixpoint.bugs;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a bug is for the people who hit it. Ordered from worst to mildest. */
public enum Severity {

	CRITICAL, HIGH, MEDIUM, LOW;

	private static final Severity[] VALUES = values();

	// read for every bug a list maps or a filing writes: lower-cased once
	private final String key = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String key() {
		return this.key;
	}

	@JsonCreator
	public static Severity fromJson(String value) {
		return parse(value)
			.orElseThrow(() -> new IllegalArgumentException("must be one of critical, high, medium, low"));
	}

	/**
	 * The severity whose key is exactly {@code value}: the API's enum values match
	 * exactly (no case folding, no trimming), so {@code "HIGH"} or {@code "high "} is not
	 * one.
	 */
	public static Optional<Severity> parse(String value) {
		// a loop, not a stream: every row of a list parses one (bench/sql/README.md
		// "A search page's allocation")
		for (Severity s : VALUES) {
			if (s.key().equals(value)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
	}

}
