package dev.fixpoint.bugs.bulk;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BulkOutcome;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.web.ProblemMapping;

/**
 * What happened to one bug of a bulk change: {@code status} is the HTTP status a single
 * PATCH would have had.
 */
record BulkResult(String id, String key, int status, String error, List<FieldError> errors, Bug bug) {

	static BulkResult of(BulkOutcome outcome) {
		if (outcome.refused()) {
			return new BulkResult(outcome.id(), outcome.key(), ProblemMapping.statusOf(outcome.refusal()).value(),
					outcome.refusal().getMessage(), outcome.refusal().fieldErrors(), null);
		}
		return new BulkResult(outcome.id(), outcome.key(), 200, null, List.of(), outcome.bug());
	}

	static List<BulkResult> of(List<BulkOutcome> outcomes) {
		return outcomes.stream().map(BulkResult::of).toList();
	}

}
