package dev.fixpoint.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.platform.FieldError;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body that parsed but does not fit its type, as the field error a client can act
 * on: where ({@link JsonFieldPath}) and what the contract expects there.
 */
final class JsonProblems {

	private static final Set<Class<?>> INTEGERS = Set.of(Integer.class, int.class, Long.class, long.class, Short.class,
			short.class);

	private JsonProblems() {
	}

	/** The field error of a databind failure, or null when it is not about a field. */
	static FieldError of(Throwable cause) {
		if (!(cause instanceof DatabindException databind) || databind.getPath().isEmpty()) {
			return null;
		}
		return new FieldError(JsonFieldPath.of(databind.getPath()), message(databind));
	}

	private static String message(DatabindException ex) {
		if (ex instanceof InvalidNullException) {
			return "must not be null";
		}
		// our enums and value types explain the allowed values in an
		// IllegalArgumentException (e.g. severity)
		if (ex.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
			return iae.getMessage();
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return expected(mismatch.getTargetType());
		}
		return "has an invalid type or value";
	}

	/** What a value of {@code type} must be, in the JSON's words. */
	static String expected(Class<?> type) {
		if (CharSequence.class.isAssignableFrom(type)) {
			return "must be a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (INTEGERS.contains(type)) {
			return "must be an integer";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "must be a number";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.map(c -> JsonMapper.shared().writeValueAsString(c).replace("\"", ""))
				.collect(Collectors.joining(", "));
		}
		if (type == UUID.class) {
			return "must be a UUID";
		}
		if (type == LocalDate.class) {
			return "must be a date like 2026-12-31";
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return "must be a timestamp like 2026-11-25T16:00:00Z";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "must be an object";
		}
		return "has an invalid type or value";
	}

}
