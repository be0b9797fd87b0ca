package dev.fixpoint.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The dates of a bug a query can compare: {@code created:>2026-10-01}, {@code due:<7d},
 * {@code resolved:2026-10-01..2026-10-07}.
 */
public enum DateField {

	CREATED, UPDATED, RESOLVED, DUE;

	/** The field as written in queries, e.g. {@code created}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<DateField> named(String key) {
		return Arrays.stream(values()).filter(field -> field.key().equals(key)).findFirst();
	}

}
