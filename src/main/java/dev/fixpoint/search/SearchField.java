package dev.fixpoint.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields a query filters on by value: {@code status:open,in_progress},
 * {@code -tag:flaky}.
 */
public enum SearchField {

	STATUS, SEVERITY, PRIORITY, ASSIGNEE, REPORTER, TAG, COMPONENT, SLA,

	/** {@code linked:pr}: bugs with linked pull/merge requests or commits. */
	LINKED,

	/** Releases by name: {@code fixed_in:1.4}, {@code affects:1.3}. */
	FIXED_IN, AFFECTS;

	/** The field as written in queries, e.g. {@code status}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<SearchField> named(String key) {
		return Arrays.stream(values()).filter(field -> field.key().equals(key)).findFirst();
	}

}
