package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule of its own shape (required, too long, unknown value), with the
 * fields concerned.
 */
public non-sealed class InvalidInputException extends DomainException {

	protected InvalidInputException(Kind kind, String detail, List<FieldError> errors, Map<String, Object> properties) {
		super(kind, detail, errors, properties);
	}

	/** {@code of("title", "is required")}. */
	public static InvalidInputException of(String field, String message) {
		return of(List.of(new FieldError(field, message)));
	}

	public static InvalidInputException of(List<FieldError> errors) {
		return new InvalidInputException(null, "Some fields are invalid", errors, Map.of());
	}

}
