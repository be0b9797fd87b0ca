package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/**
 * The request is fine but clashes with the current state: a taken name, the last admin,
 * an old version.
 */
public non-sealed class ConflictException extends DomainException {

	protected ConflictException(Kind kind, String detail, List<FieldError> errors, Map<String, Object> properties) {
		super(kind, detail, errors, properties);
	}

	public static ConflictException because(String detail) {
		return new ConflictException(null, detail, List.of(), Map.of());
	}

	/**
	 * A value that must be unique, with the field it concerns:
	 * {@code on("key", "is already used")}.
	 */
	public static ConflictException on(String field, String message) {
		return new ConflictException(null, field + " " + message, List.of(new FieldError(field, message)), Map.of());
	}

}
