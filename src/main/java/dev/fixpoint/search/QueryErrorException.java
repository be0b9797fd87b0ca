package dev.fixpoint.search;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Problems;

/**
 * A query that does not parse: invalid input with where the problem is ({@code position},
 * {@code length}) and why.
 */
public class QueryErrorException extends InvalidInputException {

	private static final Kind KIND = new Kind(Problems.VALIDATION, "Invalid query");

	QueryErrorException(QuerySyntaxException ex) {
		super(KIND, ex.getMessage(), List.of(new FieldError("q", ex.getMessage())),
				Map.of("position", ex.position(), "length", ex.length()));
	}

}
