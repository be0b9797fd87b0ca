package dev.fixpoint.search;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.fixpoint.bugs.BugKey;
import dev.fixpoint.bugs.BugSort;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.SlaState;

/**
 * What each field accepts, and the one spelling it is recorded in: severities lower case,
 * priorities upper case, {@code me}/{@code none} lower case, bug keys upper case, status
 * keys lower case, everything else as typed (surrounding whitespace removed). Severity,
 * priority, key and sort values are the bug list's own.
 */
final class FieldValues {

	/**
	 * The values of {@code is:}, each with its opposite ({@code -is:open} is
	 * {@code is:closed}).
	 */
	static final java.util.Map<String, String> STATES = java.util.Map.of("open", "closed", "closed", "open",
			"unassigned", "assigned", "assigned", "unassigned");

	/** The states in the order the help and the suggestions list them. */
	static final java.util.List<String> STATE_ORDER = java.util.List.of("open", "closed", "assigned", "unassigned",
			"blocked", "blocking");

	/**
	 * States of a bug's relations: {@code is:blocked} (by a bug not done),
	 * {@code is:blocking} (a bug not done). They have no named opposite:
	 * {@code -is:blocked} is kept as written.
	 */
	static final Set<String> RELATION_STATES = Set.of("blocked", "blocking");

	/** What {@code has:} takes. */
	static final java.util.List<String> HAS_VALUES = java.util.List.of("parent");

	private static final Pattern STATUS_KEY = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	private FieldValues() {
	}

	/**
	 * @param context the project's statuses, or null to accept any well-formed status
	 */
	static String normalize(SearchField field, String value, QueryContext context) {
		String v = value.strip();
		return switch (field) {
			case STATUS -> status(v, context);
			// the query language is typed by people: its enum values ignore case
			case SEVERITY -> Severity.parse(v.toLowerCase(Locale.ROOT))
				.map(Severity::key)
				.orElseThrow(() -> rejected(field, v, "a severity", "critical, high, medium or low"));
			case PRIORITY -> Priority.parse(v.toUpperCase(Locale.ROOT))
				.map(Priority::key)
				.orElseThrow(() -> rejected(field, v, "a priority", "P0, P1, P2 or P3"));
			case ASSIGNEE -> person(field, v, "me, none or a username");
			case REPORTER -> person(field, v, "me or a username");
			case TAG, COMPONENT -> required(field.key(), v, "a " + field.key());
			case FIXED_IN, AFFECTS -> required(field.key(), v, "a release's name, e.g. 1.4");
			case SLA -> SlaState.parse(v)
				.map(SlaState::key)
				.orElseThrow(() -> rejected(field, v, "an SLA state", "on_track, at_risk or breached"));
			case LINKED -> {
				if (!v.equalsIgnoreCase("pr")) {
					throw rejected(field, v, "a kind of link", "pr");
				}
				yield "pr";
			}
		};
	}

	static String state(String value) {
		String typed = value.strip();
		String v = typed.toLowerCase(Locale.ROOT);
		if (!STATES.containsKey(v) && !RELATION_STATES.contains(v)) {
			throw rejected("is", typed, "a state", "open, closed, assigned, unassigned, blocked or blocking");
		}
		return v;
	}

	static String has(String value) {
		String typed = value.strip();
		String v = typed.toLowerCase(Locale.ROOT);
		if (!HAS_VALUES.contains(v)) {
			throw rejected("has", typed, "something a bug can have", "parent");
		}
		return v;
	}

	static String opposite(String state) {
		return STATES.get(state);
	}

	static String bugKey(String value) {
		String v = value.strip();
		return BugKey.parse(v)
			.map(BugKey::toString)
			.orElseThrow(() -> rejected("key", v, "a bug key", "a key like WEB-42"));
	}

	static String sortOrder(String value) {
		String typed = value.strip();
		String v = typed.toLowerCase(Locale.ROOT);
		return BugSort.parse(v.isEmpty() ? "?" : v)
			.map(BugSort::param)
			.orElseThrow(() -> rejected("sort", typed, "a sort order",
					"created, updated, priority, severity or due, optionally with a leading '-', or urgency"));
	}

	/**
	 * A status key, or a status's name as the project calls it ({@code "In progress"}),
	 * or a name written like a key ({@code "in progress"}, {@code in-review}).
	 */
	private static String status(String value, QueryContext context) {
		String lower = value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		Set<String> statusKeys = context == null ? null : context.statusKeys();
		String named = context == null ? null : context.statusNames().get(lower);
		String v = named != null ? named : lower.replaceAll("[\\s-]+", "_");
		if (!STATUS_KEY.matcher(v).matches()) {
			throw rejected("status", value, "a status", "a status key like open or a quoted name like \"in progress\"");
		}
		if (statusKeys != null && !statusKeys.contains(v)) {
			throw InvalidValue.notA(value, "a status of this project",
					"one of " + String.join(", ", new TreeSet<>(statusKeys)));
		}
		return v;
	}

	private static String person(SearchField field, String value, String expected) {
		String v = value.toLowerCase(Locale.ROOT);
		if (v.equals("me") || (v.equals("none") && field == SearchField.ASSIGNEE)) {
			return v;
		}
		if (v.equals("none")) {
			// every bug has a reporter; "none" is the assignee's keyword, never a
			// reporter's username
			throw rejected(field, value, "a reporter", expected);
		}
		if (!USERNAME.matcher(value).matches()) {
			throw rejected(field, value, "a user", expected);
		}
		return value;
	}

	private static String required(String field, String value, String expected) {
		if (value.isEmpty()) {
			throw InvalidValue.missing(field, expected);
		}
		return value;
	}

	private static InvalidValue rejected(SearchField field, String value, String what, String expected) {
		return rejected(field.key(), value, what, expected);
	}

	private static InvalidValue rejected(String field, String value, String what, String expected) {
		return value.isEmpty() ? InvalidValue.missing(field, expected) : InvalidValue.notA(value, what, expected);
	}

}
