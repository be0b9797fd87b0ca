package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Problems;
import dev.fixpoint.workflow.TransitionDecision;

import org.springframework.http.HttpStatus;

/** The workflow refused a status change: 422 with the reason and the transitions that are allowed. */
public class TransitionNotAllowedException extends DomainException {

	TransitionNotAllowedException(TransitionDecision decision) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.TRANSITION_NOT_ALLOWED, "Transition not allowed",
				decision.reason(), List.of(), Map.of("allowed_transitions", decision.allowedTransitions(),
						"missing_fields", decision.missingFields()));
	}

}
