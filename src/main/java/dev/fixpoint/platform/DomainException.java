package dev.fixpoint.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A rule of the product said no. Carries what the API needs for a problem detail and what the UI needs for a
 * message; never wraps a lower-level exception's message, so nothing internal leaks.
 */
public class DomainException extends RuntimeException {

	private final HttpStatus status;

	private final URI type;

	private final String title;

	private final List<FieldError> fieldErrors;

	private final Map<String, Object> properties;

	protected DomainException(HttpStatus status, URI type, String title, String detail, List<FieldError> fieldErrors,
			Map<String, Object> properties) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.fieldErrors = List.copyOf(fieldErrors);
		this.properties = Map.copyOf(properties);
	}

	public static DomainException notFound(String what) {
		return new DomainException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", what + " was not found",
				List.of(), Map.of());
	}

	public static DomainException forbidden(String detail) {
		return new DomainException(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", detail, List.of(), Map.of());
	}

	public static DomainException conflict(String detail) {
		return new DomainException(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", detail, List.of(), Map.of());
	}

	/** 409 for a value that must be unique, with the field it concerns. */
	public static DomainException conflictOn(String field, String message) {
		return new DomainException(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", field + " " + message,
				List.of(new FieldError(field, message)), Map.of());
	}

	public static DomainException invalid(String field, String message) {
		return invalid(List.of(new FieldError(field, message)));
	}

	public static DomainException invalid(List<FieldError> errors) {
		return new DomainException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid input",
				"Some fields are invalid", errors, Map.of());
	}

	public static DomainException unauthorized(String detail) {
		return new DomainException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", detail, List.of(),
				Map.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public List<FieldError> fieldErrors() {
		return this.fieldErrors;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
