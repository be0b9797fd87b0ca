package dev.fixpoint.accounts;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Problems;

/** Email or username already in use: a conflict with the offending fields. */
public class DuplicateAccountException extends ConflictException {

	private static final Kind KIND = new Kind(Problems.CONFLICT, "Already registered");

	private DuplicateAccountException(List<FieldError> errors) {
		super(KIND, "An account with these details exists", errors, Map.of());
	}

	static DuplicateAccountException of(List<FieldError> errors) {
		return new DuplicateAccountException(errors);
	}

}
