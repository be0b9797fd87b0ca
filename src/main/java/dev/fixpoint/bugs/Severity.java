package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a bug is for the people who hit it. Ordered from worst to mildest. */
public enum Severity {

	CRITICAL, HIGH, MEDIUM, LOW;

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
		return Arrays.stream(values()).filter(s -> s.key().equals(value)).findFirst();
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
	}

}
