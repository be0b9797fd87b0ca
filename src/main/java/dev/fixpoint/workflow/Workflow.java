package dev.fixpoint.workflow;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A project's workflow: {@code {statuses: [...], transitions: [...]}} exactly as in the
 * API contract.
 */
public record Workflow(List<Status> statuses, List<Transition> transitions) {

	public Workflow {
		statuses = statuses == null ? List.of() : List.copyOf(statuses);
		transitions = transitions == null ? List.of() : List.copyOf(transitions);
	}

	/** {@code initial} may be left out in JSON (false). */
	public record Status(String key, String name, StatusCategory category, Boolean initial) {

		public Status {
			initial = Boolean.TRUE.equals(initial);
		}

	}

	/**
	 * A move from one status to another: who may take it, which fields must then have a
	 * value, and further rules.
	 */
	public record Transition(String from, String to, String name, List<String> roles, List<String> requiredFields,
			List<Rule> rules) {

		public Transition {
			roles = roles == null ? List.of() : List.copyOf(roles);
			requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
			rules = rules == null ? List.of() : List.copyOf(rules);
		}

		public Transition(String from, String to, String name, List<String> roles, List<String> requiredFields) {
			this(from, to, name, roles, requiredFields, List.of());
		}

	}

	/**
	 * A condition of a transition, written as a one-key JSON object:
	 * {@code {"field_required": "steps_to_reproduce"}} (the field must have a value) or
	 * {@code {"assignee_only": true}} (only the bug's assignee may take it; admins too).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Rule(String fieldRequired, Boolean assigneeOnly) {

		public static Rule fieldRequired(String field) {
			return new Rule(field, null);
		}

		public static Rule onlyAssignee() {
			return new Rule(null, true);
		}

	}

	public Status initialStatus() {
		return this.statuses.stream().filter(Status::initial).findFirst().orElse(this.statuses.get(0));
	}

	public Optional<Status> status(String key) {
		return this.statuses.stream().filter(s -> s.key().equals(key)).findFirst();
	}

	public List<Transition> transitionsFrom(String from) {
		return this.transitions.stream().filter(t -> t.from().equals(from)).toList();
	}

	public Optional<Transition> transition(String from, String to) {
		return this.transitions.stream().filter(t -> t.from().equals(from) && t.to().equals(to)).findFirst();
	}

	public StatusCategory categoryOf(String statusKey) {
		return status(statusKey).map(Status::category).orElse(StatusCategory.TODO);
	}

	public String nameOf(String statusKey) {
		return status(statusKey).map(Status::name).orElse(statusKey);
	}

}
