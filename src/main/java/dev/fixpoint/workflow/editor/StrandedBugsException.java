package dev.fixpoint.workflow.editor;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpStatus;

/** A new workflow removes statuses that bugs are in, and no mapping says where they go: 409 with the counts. */
public class StrandedBugsException extends DomainException {

	StrandedBugsException(List<FieldError> errors, Map<String, Integer> stranded) {
		super(HttpStatus.CONFLICT, Problems.CONFLICT, "Bugs would be stranded",
				"The new workflow removes statuses that bugs are in; give a status_mapping for them", errors,
				Map.of("stranded", stranded));
	}

}
