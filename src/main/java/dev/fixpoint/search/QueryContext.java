package dev.fixpoint.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.fixpoint.workflow.Workflow;

/**
 * What a query is parsed against.
 *
 * @param statusKeys the status keys of the project's workflow, or {@code null} to accept
 * any well-formed key
 * @param statusNames the project's status names, lower case, to their keys
 * ({@code in progress → in_progress}), so {@code status:"In progress"} works; empty when
 * not in a project
 * @param today the day relative dates ({@code 7d}, {@code 2w}) count back from
 */
public record QueryContext(Set<String> statusKeys, Map<String, String> statusNames, LocalDate today) {

	public QueryContext {
		statusKeys = statusKeys == null ? null : Set.copyOf(statusKeys);
		statusNames = Map.copyOf(statusNames);
		Objects.requireNonNull(today, "today");
	}

	public QueryContext(Set<String> statusKeys, LocalDate today) {
		this(statusKeys, Map.of(), today);
	}

	/** A context for a project with this workflow, today being read from the clock. */
	public static QueryContext forWorkflow(Workflow workflow, Clock clock) {
		Map<String, String> names = new HashMap<>();
		workflow.statuses().forEach(s -> names.putIfAbsent(s.name().strip().toLowerCase(Locale.ROOT), s.key()));
		return new QueryContext(workflow.statuses().stream().map(Workflow.Status::key).collect(Collectors.toSet()),
				names, LocalDate.now(clock));
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
