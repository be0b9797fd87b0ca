package dev.fixpoint.search;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpStatus;

/** A query that does not parse: 400 with where the problem is ({@code position}, {@code length}) and why. */
public class QueryErrorException extends DomainException {

	QueryErrorException(QuerySyntaxException ex) {
		super(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid query", ex.getMessage(),
				List.of(new FieldError("q", ex.getMessage())),
				Map.of("position", ex.position(), "length", ex.length()));
	}

}
