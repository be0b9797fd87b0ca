package dev.fixpoint.workflow;

import java.util.List;

/**
 * The answer to a {@link TransitionRequest}: allowed, or refused with a reason and the
 * moves that are allowed.
 */
public record TransitionDecision(boolean allowed, String reason, List<String> missingFields,
		List<Workflow.Transition> allowedTransitions) {

	static TransitionDecision allow() {
		return new TransitionDecision(true, null, List.of(), List.of());
	}

	static TransitionDecision refuse(String reason, List<String> missing, List<Workflow.Transition> allowed) {
		return new TransitionDecision(false, reason, missing, allowed);
	}

}
