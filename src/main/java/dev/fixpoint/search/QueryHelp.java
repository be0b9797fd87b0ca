package dev.fixpoint.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.BugSort;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.SlaState;

/**
 * The query language described for people (the help page, {@code /help/search}), built
 * from the definitions the parser reads: every {@link SearchField}, {@link DateField} and
 * {@link QueryKeyword} (the switches fail to compile when one is added without a line
 * here), the values of bugs' own enums, and examples that {@code QueryHelpTest} parses.
 */
public final class QueryHelp {

	/**
	 * One field: how it is written, what it takes, what it means, examples, and whether
	 * {@code -} and {@code ,}/{@code OR} apply.
	 */
	public record Field(String name, String values, String meaning, List<String> examples, boolean negatable,
			boolean alternatives) {
	}

	/** An operator of the language with an example. */
	public record Operator(String syntax, String meaning, String example) {
	}

	private QueryHelp() {
	}

	public static List<Field> fields() {
		List<Field> fields = new ArrayList<>();
		for (SearchField field : SearchField.values()) {
			fields.add(valueField(field));
		}
		for (DateField field : DateField.values()) {
			fields.add(dateField(field));
		}
		for (QueryKeyword keyword : QueryKeyword.values()) {
			fields.add(keyword(keyword));
		}
		return fields;
	}

	private static Field valueField(SearchField field) {
		String key = field.key();
		return switch (field) {
			case STATUS -> new Field(key, "a status of the project: its key or its name, quoted if it has spaces",
					"Bugs in one of these statuses",
					List.of("status:open", "status:\"in progress\"", "status:open,in_review", "-status:closed"), true,
					true);
			case SEVERITY ->
				new Field(key, oneOf(Arrays.stream(Severity.values()).map(Severity::key)), "Bugs of these severities",
						List.of("severity:critical", "severity:critical OR severity:high"), true, true);
			case PRIORITY -> new Field(key, oneOf(Arrays.stream(Priority.values()).map(Priority::key)),
					"Bugs of these priorities", List.of("priority:P0,P1"), true, true);
			case ASSIGNEE -> new Field(key, "me | none | a username", "Bugs assigned to these people (none: to nobody)",
					List.of("assignee:me", "assignee:none", "-assignee:me"), true, true);
			case REPORTER ->
				new Field(key, "me | a username", "Bugs reported by these people", List.of("reporter:me"), true, true);
			case TAG -> new Field(key, "any tag, quoted if it has spaces", "Bugs with at least one of these tags",
					List.of("tag:checkout", "tag:ui,backend", "-tag:flaky", "tag:\"needs info\""), true, true);
			case COMPONENT -> new Field(key, "a component's name (inside a project)", "Bugs of these components",
					List.of("component:Payments"), true, true);
			case SLA -> new Field(key, oneOf(Arrays.stream(SlaState.values()).map(SlaState::key)),
					"Bugs whose running SLA clock is in this state", List.of("sla:at_risk,breached"), true, true);
			case LINKED -> new Field(key, "pr", "Bugs with linked pull/merge requests or commits (negate: without)",
					List.of("linked:pr", "-linked:pr"), true, false);
			case FIXED_IN -> new Field(key, "a release's name, quoted if it has spaces",
					"Bugs fixed in one of these releases", List.of("fixed_in:1.4", "-fixed_in:1.3"), true, true);
			case AFFECTS -> new Field(key, "a release's name, quoted if it has spaces",
					"Bugs found in (affecting) one of these releases", List.of("affects:1.3"), true, true);
		};
	}

	private static Field dateField(DateField field) {
		String key = field.key();
		String values = "a day (2026-10-01, or 7d / 2w: days or weeks ago) after >, >=, < or <=, or a range day..day";
		return switch (field) {
			case CREATED -> new Field(key, values, "When the bug was filed",
					List.of("created:>7d", "created:2026-10-01..2026-10-31"), true, false);
			case UPDATED -> new Field(key, values, "When the bug last changed", List.of("updated:<30d", "-updated:>7d"),
					true, false);
			case RESOLVED -> new Field(key, values, "When the bug was resolved (bugs not in a done status never match)",
					List.of("resolved:2026-10-01..2026-10-07", "resolved:>7d"), true, false);
			case DUE -> new Field(key, values, "The bug's due date (bugs without one never match)",
					List.of("due:<=2026-12-31"), true, false);
		};
	}

	private static Field keyword(QueryKeyword keyword) {
		String key = keyword.key();
		return switch (keyword) {
			case IS -> new Field(key, oneOf(FieldValues.STATE_ORDER.stream()),
					"open: not done; closed: done (in any workflow); assigned or unassigned; "
							+ "blocked: blocked by a bug that is not done; blocking: blocks a bug that is not done",
					List.of("is:open", "is:unassigned", "-is:closed", "is:blocked", "is:open -is:blocking"), true,
					false);
			case HAS -> new Field(key, oneOf(FieldValues.HAS_VALUES.stream()), "parent: sub-bugs of another bug",
					List.of("has:parent", "-has:parent"), true, false);
			case PARENT ->
				new Field(key, "a bug key", "The sub-bugs of this bug", List.of("parent:WEB-42"), false, false);
			case KEY ->
				new Field(key, "a bug key, any case", "Opens that bug; a key typed alone does the same (stor-123)",
						List.of("key:WEB-42", "WEB-42"), false, false);
			case SORT -> new Field(key, oneOf(Arrays.stream(BugSort.values()).map(BugSort::param)),
					"The order of a search without words ('-': most recent or most important first; "
							+ "urgency: most important first, then the soonest due; "
							+ "default -updated); words rank by relevance",
					List.of("sort:-priority", "status:open sort:due", "assignee:me is:open sort:urgency"), false,
					false);
		};
	}

	public static List<Operator> operators() {
		return List.of(new Operator("word", "Words to find in titles, descriptions, steps and comments", "login crash"),
				new Operator("\"a phrase\"", "Words in this order", "\"reset link\""),
				new Operator("field:value", "Filters alone list bugs, most recently updated first",
						"status:open severity:critical"),
				new Operator("a,b", "Alternatives: any of the values", "severity:critical,high"),
				new Operator(QueryParser.OR, "Between two terms of one field: either (like a comma)",
						"tag:checkout OR tag:payments"),
				new Operator("-term", "Leaves out what the term matches: a filter, a word or a phrase",
						"-tag:flaky -status:closed -timeout"),
				new Operator("field:\"a value\"", "Quotes a value with spaces or commas (\\\" and \\\\ inside)",
						"status:\"in progress\""),
				new Operator("> >= < <= ..", "Compare dates; 7d and 2w count back from today",
						"created:>=2026-10-01 updated:<7d"));
	}

	private static String oneOf(java.util.stream.Stream<String> values) {
		return values.collect(Collectors.joining(" | "));
	}

}
