package dev.fixpoint.bugs.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.HistoryEntry;
import dev.fixpoint.bugs.Resolution;
import dev.fixpoint.bugs.Via;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.web.Dates;
import dev.fixpoint.workflow.Workflow;

/**
 * Turns stored history (ids, keys) into sentences with names; oldest first, starting with
 * the report.
 */
final class HistoryLines {

	private static final Set<String> LONG_TEXT = Set.of("description", "steps_to_reproduce", "expected_behavior",
			"actual_behavior", "environment");

	private static final String REPORTED = "reported";

	/** Fields whose values are user ids. */
	static final Set<String> PEOPLE = Set.of("assignee", "verified_by");

	private HistoryLines() {
	}

	/**
	 * @param names user id (as text) to display name, for assignee and verified_by values
	 */
	static List<HistoryLine> of(Bug bug, List<HistoryEntry> entries, Workflow workflow, Map<String, String> names,
			Instant now) {
		List<HistoryLine> lines = new ArrayList<>();
		String reporter = bug.reporter() == null ? "Someone" : bug.reporter().name();
		// a bug filed elsewhere has an entry "reported" saying where: it joins the first
		// line
		Via filedVia = entries.stream()
			.filter(e -> e.field().equals(REPORTED) && e.via() != null)
			.map(HistoryEntry::via)
			.findFirst()
			.orElse(null);
		lines.add(line(reporter, REPORTED, null, null, null, bug.createdAt(), now).withVia(filedVia));
		for (HistoryEntry e : entries) {
			if (!e.field().equals(REPORTED)) {
				entry(e, workflow, names, now).ifPresent(l -> lines.add(l.withVia(e.via())));
			}
		}
		return lines;
	}

	private static java.util.Optional<HistoryLine> entry(HistoryEntry e, Workflow workflow, Map<String, String> names,
			Instant now) {
		String actor = e.user() == null ? "System" : e.user().name();
		if (isCommentEntry(e.field())) {
			return commentLine(e).map(a -> line(actor, a, noun(e.field()), null, null, e.createdAt(), now));
		}
		if (e.field().equals("link")) {
			return java.util.Optional.of(line(actor, e.newValue() != null ? "linked" : "unlinked", "link",
					linkText(e.oldValue()), linkText(e.newValue()), e.createdAt(), now));
		}
		String field = label(e.field());
		if (LONG_TEXT.contains(e.field())) {
			return java.util.Optional.of(line(actor, "edited", field, null, null, e.createdAt(), now));
		}
		String from = value(e.field(), e.oldValue(), workflow, names);
		String to = value(e.field(), e.newValue(), workflow, names);
		String action = from == null ? "set" : to == null ? "cleared" : "changed";
		return java.util.Optional.of(line(actor, action, field, from, to, e.createdAt(), now));
	}

	/**
	 * Comment history ({@code comment_added}, {@code internal_note_deleted}, ...); the
	 * timeline shows the comments.
	 */
	private static boolean isCommentEntry(String field) {
		return field.startsWith("comment_") || field.startsWith("internal_note_");
	}

	/** "added" needs no line: the comment itself is in the timeline. */
	private static java.util.Optional<String> commentLine(HistoryEntry e) {
		if (e.field().endsWith("_edited")) {
			return java.util.Optional.of("edited-comment");
		}
		if (e.field().endsWith("_deleted")) {
			return java.util.Optional.of("deleted-comment");
		}
		return java.util.Optional.empty();
	}

	/** {@code blocked_by WEB-3} → "is blocked by WEB-3". */
	private static String linkText(String value) {
		if (value == null) {
			return null;
		}
		int space = value.indexOf(' ');
		String type = space < 0 ? value : value.substring(0, space);
		return java.util.Arrays.stream(dev.fixpoint.bugs.LinkType.values())
			.filter(t -> t.key().equals(type))
			.findFirst()
			.map(t -> space < 0 ? t.label() : t.label() + value.substring(space))
			.orElse(value);
	}

	private static String noun(String field) {
		return field.startsWith("internal_note_") ? "internal note" : "comment";
	}

	static String label(String field) {
		return switch (field) {
			case "steps_to_reproduce" -> "steps to reproduce";
			case "expected_behavior" -> "expected behaviour";
			case "actual_behavior" -> "actual behaviour";
			case "linked_pr" -> "linked code";
			default -> field.replace('_', ' ');
		};
	}

	private static String value(String field, String value, Workflow workflow, Map<String, String> names) {
		if (value == null) {
			return null;
		}
		if (PEOPLE.contains(field)) {
			return names.getOrDefault(value, Ids.parse(value).isPresent() ? "a former member" : value);
		}
		return switch (field) {
			case "status" -> workflow.status(value).map(Workflow.Status::name).orElse(value);
			case "resolution" -> Resolution.label(value);
			default -> value;
		};
	}

	private static HistoryLine line(String actor, String action, String field, String from, String to, Instant at,
			Instant now) {
		return new HistoryLine(actor, action, field, from, to, Dates.ago(at, now), Dates.exact(at),
				at == null ? "" : at.toString(), at, null);
	}

}
