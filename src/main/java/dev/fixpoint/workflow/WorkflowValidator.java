package dev.fixpoint.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses workflows that cannot work: no or several initial statuses, duplicate or
 * malformed keys, transitions to unknown statuses, statuses nobody can reach, no done
 * status, unknown roles, fields or rules.
 */
public final class WorkflowValidator {

	/**
	 * Fields a transition may require (the bug's editable fields that can be empty), in
	 * the order forms ask for them.
	 */
	public static final List<String> REQUIRABLE_FIELDS = List.of("resolution", "verified_by", "assignee",
			"steps_to_reproduce", "expected_behavior", "actual_behavior", "description", "due_date", "component");

	private static final Set<String> ROLES = Set.of("admin", "developer", "qa");

	private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

	private WorkflowValidator() {
	}

	/** Every problem, in words an admin understands; empty when the workflow is valid. */
	public static List<String> problems(Workflow workflow) {
		List<String> problems = new ArrayList<>();
		if (workflow.statuses().isEmpty()) {
			return List.of("A workflow needs at least one status");
		}
		if (workflow.statuses().size() > 30) {
			problems.add("A workflow can have at most 30 statuses");
		}
		Set<String> keys = new HashSet<>();
		for (Workflow.Status status : workflow.statuses()) {
			if (status.key() == null || !KEY.matcher(status.key()).matches()) {
				problems.add("Status key '" + status.key() + "' must be lower-case letters, digits or '_' (max 40)");
			}
			else if (!keys.add(status.key())) {
				problems.add("Status key '" + status.key() + "' is used twice");
			}
			if (status.name() == null || status.name().isBlank() || status.name().length() > 40) {
				problems.add("Status '" + status.key() + "' needs a name of 1–40 characters");
			}
			if (status.category() == null) {
				problems.add("Status '" + status.key() + "' needs a category (todo, in_progress or done)");
			}
		}
		long initial = workflow.statuses().stream().filter(Workflow.Status::initial).count();
		if (initial != 1) {
			problems.add(initial == 0 ? "Mark one status as the initial status" : "Only one status can be initial");
		}
		if (workflow.statuses().stream().noneMatch(s -> s.category() == StatusCategory.DONE)) {
			problems.add("A workflow needs at least one status in the 'done' category");
		}
		Set<String> pairs = new HashSet<>();
		for (Workflow.Transition t : workflow.transitions()) {
			String label = "Transition " + t.from() + " → " + t.to();
			if (!keys.contains(t.from()) || !keys.contains(t.to())) {
				problems.add(label + " uses a status that does not exist");
			}
			if (t.from() != null && t.from().equals(t.to())) {
				problems.add(label + " goes nowhere");
			}
			if (!pairs.add(t.from() + "→" + t.to())) {
				problems.add(label + " is defined twice");
			}
			if (t.name() == null || t.name().isBlank() || t.name().length() > 60) {
				problems.add(label + " needs a name of 1–60 characters");
			}
			for (String role : t.roles()) {
				if (!ROLES.contains(role)) {
					problems.add(label + ": role '" + role
							+ "' is not one of admin, developer, qa (viewers never change status)");
				}
			}
			for (String field : t.requiredFields()) {
				if (!REQUIRABLE_FIELDS.contains(field)) {
					problems.add(label + ": '" + field + "' is not a field that can be required");
				}
			}
			for (Workflow.Rule rule : t.rules()) {
				boolean field = rule.fieldRequired() != null;
				boolean assignee = rule.assigneeOnly() != null;
				if (field == assignee) {
					problems.add(label + ": a rule is either {\"field_required\": \"…\"} or {\"assignee_only\": true}");
				}
				else if (field && !REQUIRABLE_FIELDS.contains(rule.fieldRequired())) {
					problems.add(label + ": '" + rule.fieldRequired() + "' is not a field that can be required");
				}
			}
		}
		if (problems.isEmpty()) {
			Set<String> unreachable = new HashSet<>(keys);
			unreachable.removeAll(reachable(workflow));
			unreachable.stream()
				.sorted()
				.forEach(s -> problems
					.add("Status '" + s + "' cannot be reached from '" + workflow.initialStatus().key() + "'"));
		}
		return problems;
	}

	private static Set<String> reachable(Workflow workflow) {
		Set<String> seen = new HashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of(workflow.initialStatus().key()));
		while (!queue.isEmpty()) {
			String status = queue.poll();
			if (seen.add(status)) {
				workflow.transitionsFrom(status).forEach(t -> queue.add(t.to()));
			}
		}
		return seen;
	}

}
