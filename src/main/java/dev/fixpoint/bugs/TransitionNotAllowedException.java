package dev.fixpoint.bugs;

import java.util.Map;

import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.RefusedException;
import dev.fixpoint.workflow.TransitionDecision;

/**
 * The workflow refused a status change, with the reason and the transitions that are
 * allowed.
 */
public class TransitionNotAllowedException extends RefusedException {

	private static final Kind KIND = new Kind(Problems.TRANSITION_NOT_ALLOWED, "Transition not allowed");

	TransitionNotAllowedException(TransitionDecision decision) {
		super(KIND, decision.reason(), Map.of("allowed_transitions", decision.allowedTransitions(), "missing_fields",
				decision.missingFields()));
	}

}
