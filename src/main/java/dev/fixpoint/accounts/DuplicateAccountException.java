package dev.fixpoint.accounts;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpStatus;

/** Email or username already in use: 409 with the offending fields. */
public class DuplicateAccountException extends DomainException {

	private DuplicateAccountException(List<FieldError> errors) {
		super(HttpStatus.CONFLICT, Problems.CONFLICT, "Already registered", "An account with these details exists",
				errors, Map.of());
	}

	static DuplicateAccountException of(List<FieldError> errors) {
		return new DuplicateAccountException(errors);
	}

}
