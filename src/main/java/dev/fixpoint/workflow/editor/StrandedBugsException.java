package dev.fixpoint.workflow.editor;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Problems;

/**
 * A new workflow removes statuses that bugs are in, and no mapping says where they go: a
 * conflict with the counts.
 */
public class StrandedBugsException extends ConflictException {

	private static final Kind KIND = new Kind(Problems.CONFLICT, "Bugs would be stranded");

	StrandedBugsException(List<FieldError> errors, Map<String, Integer> stranded) {
		super(KIND, "The new workflow removes statuses that bugs are in; give a status_mapping for them", errors,
				Map.of("stranded", stranded));
	}

}
