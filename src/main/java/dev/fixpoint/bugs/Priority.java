package dev.fixpoint.bugs;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How soon the team will work on a bug: P0 (now) to P3 (some day). */
public enum Priority {

	P0, P1, P2, P3;

	private static final Priority[] VALUES = values();

	@JsonValue
	public String key() {
		return name();
	}

	@JsonCreator
	public static Priority fromJson(String value) {
		return parse(value).orElseThrow(() -> new IllegalArgumentException("must be one of P0, P1, P2, P3"));
	}

	/** The priority whose key is exactly {@code value} ({@code "p1"} is not one). */
	public static Optional<Priority> parse(String value) {
		// a loop, not a stream: every row of a list parses one (bench/sql/README.md
		// "A search page's allocation")
		for (Priority p : VALUES) {
			if (p.key().equals(value)) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}

}
