package dev.fixpoint.workflow;

import java.util.List;

/**
 * Decides status changes from the workflow and the role table of the API contract: admins
 * may take any transition the workflow has; others only transitions listing their role,
 * and developers only on bugs assigned to them or to nobody; viewers never. Required
 * fields must be filled.
 */
public final class TransitionPolicy {

	private TransitionPolicy() {
	}

	public static TransitionDecision decide(Workflow workflow, TransitionRequest request) {
		List<Workflow.Transition> allowed = allowedTransitions(workflow, request.from(), request.role(),
				request.actorWorksOnBug(), request.actorIsAssignee());
		if (workflow.status(request.to()).isEmpty()) {
			return TransitionDecision.refuse("'" + request.to() + "' is not a status of this workflow", List.of(),
					allowed);
		}
		var transition = workflow.transition(request.from(), request.to());
		if (transition.isEmpty()) {
			return TransitionDecision.refuse(
					"The workflow has no transition from '" + request.from() + "' to '" + request.to() + "'", List.of(),
					allowed);
		}
		if (!mayTake(transition.get(), request.role(), request.actorWorksOnBug())) {
			String reason = "developer".equals(request.role()) && transition.get().roles().contains("developer")
					? "Developers can only change the status of bugs assigned to them or unassigned" : "Your role ("
							+ request.role() + ") may not take the transition '" + transition.get().name() + "'";
			return TransitionDecision.refuse(reason, List.of(), allowed);
		}
		boolean assigneeOnly = transition.get().rules().stream().anyMatch(r -> Boolean.TRUE.equals(r.assigneeOnly()));
		if (assigneeOnly && !request.actorIsAssignee() && !"admin".equals(request.role())) {
			return TransitionDecision.refuse(
					"Only the assignee may take the transition '" + transition.get().name() + "'", List.of(), allowed);
		}
		List<String> missing = java.util.stream.Stream
			.concat(transition.get().requiredFields().stream(),
					transition.get().rules().stream().map(Workflow.Rule::fieldRequired).filter(f -> f != null))
			.distinct()
			.filter(f -> !request.filledFields().contains(f))
			.toList();
		if (!missing.isEmpty()) {
			return TransitionDecision.refuse("'" + transition.get().name() + "' requires " + String.join(", ", missing),
					missing, allowed);
		}
		return TransitionDecision.allow();
	}

	public static List<Workflow.Transition> allowedTransitions(Workflow workflow, String from, String role,
			boolean actorWorksOnBug) {
		return allowedTransitions(workflow, from, role, actorWorksOnBug, false);
	}

	/**
	 * The transitions the actor may take from {@code from} (required fields aside: the UI
	 * asks for them).
	 */
	public static List<Workflow.Transition> allowedTransitions(Workflow workflow, String from, String role,
			boolean actorWorksOnBug, boolean actorIsAssignee) {
		return workflow.transitionsFrom(from)
			.stream()
			.filter(t -> mayTake(t, role, actorWorksOnBug))
			.filter(t -> actorIsAssignee || "admin".equals(role)
					|| t.rules().stream().noneMatch(r -> Boolean.TRUE.equals(r.assigneeOnly())))
			.toList();
	}

	private static boolean mayTake(Workflow.Transition transition, String role, boolean actorWorksOnBug) {
		return switch (role) {
			case "admin" -> true;
			case "developer" -> transition.roles().contains("developer") && actorWorksOnBug;
			case "qa" -> transition.roles().contains("qa");
			default -> false;
		};
	}

}
