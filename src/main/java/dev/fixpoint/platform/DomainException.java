package dev.fixpoint.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule of the product said no. Its type says which kind of no
 * ({@link NotFoundException}, {@link ForbiddenException}, {@link InvalidInputException},
 * ...); what that means for HTTP is decided in one place,
 * {@code platform.web.ProblemMapping}. Carries what the UI needs for a message and the
 * API for a problem detail; never wraps a lower-level exception's message, so nothing
 * internal leaks.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFoundException, ForbiddenException,
		UnauthorizedException, InvalidInputException, ConflictException, RefusedException, LimitExceededException,
		RateLimitedException, UnavailableException, InsufficientStorageException {

	private final Kind kind;

	private final List<FieldError> fieldErrors;

	private final Map<String, Object> properties;

	DomainException(Kind kind, String detail, List<FieldError> fieldErrors, Map<String, Object> properties) {
		super(detail, null, false, false);
		this.kind = kind;
		this.fieldErrors = List.copyOf(fieldErrors);
		this.properties = Map.copyOf(properties);
	}

	/**
	 * What went wrong, per field ({@code snake_case} as in the API); empty when it is not
	 * about one field.
	 */
	public List<FieldError> fieldErrors() {
		return this.fieldErrors;
	}

	/**
	 * Facts a client may act on (e.g. the current bug after a version conflict), by their
	 * API name.
	 */
	public Map<String, Object> properties() {
		return this.properties;
	}

	/**
	 * The more specific name of this refusal than its family's (e.g. "Version conflict"),
	 * if it has one.
	 */
	public Optional<Kind> kind() {
		return Optional.ofNullable(this.kind);
	}

	/**
	 * A named kind of refusal: the stable {@code type} it is documented under
	 * ({@link Problems}) and its title.
	 */
	public record Kind(URI type, String title) {
	}

}
