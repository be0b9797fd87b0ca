package dev.fixpoint.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a query is parsed against.
 *
 * @param statusKeys the status keys of the project's workflow, or {@code null} to accept
 * any well-formed key
 * @param today the day relative dates ({@code 7d}, {@code 2w}) count back from
 */
public record QueryContext(Set<String> statusKeys, LocalDate today) {

	public QueryContext {
		statusKeys = statusKeys == null ? null : Set.copyOf(statusKeys);
		Objects.requireNonNull(today, "today");
	}

	/** A context for a project with these statuses, today being read from the clock. */
	public static QueryContext of(Set<String> statusKeys, Clock clock) {
		return new QueryContext(statusKeys, LocalDate.now(clock));
	}

	/** A context that accepts any well-formed status key. */
	public static QueryContext anyStatus(LocalDate today) {
		return new QueryContext(null, today);
	}

}
