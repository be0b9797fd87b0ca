package dev.fixpoint.workflow;

import java.util.List;
import java.util.Optional;

/**
 * A project's workflow: {@code {statuses: [...], transitions: [...]}} exactly as in the API contract.
 */
public record Workflow(List<Status> statuses, List<Transition> transitions) {

	public Workflow {
		statuses = List.copyOf(statuses);
		transitions = List.copyOf(transitions);
	}

	public record Status(String key, String name, StatusCategory category, boolean initial) {
	}

	public record Transition(String from, String to, String name, List<String> roles, List<String> requiredFields) {

		public Transition {
			roles = List.copyOf(roles);
			requiredFields = List.copyOf(requiredFields);
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

}
