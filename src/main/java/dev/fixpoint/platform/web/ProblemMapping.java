package dev.fixpoint.platform.web;

import java.net.URI;
import java.time.Duration;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.DomainException.Kind;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InsufficientStorageException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.LimitExceededException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.RefusedException;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.UnavailableException;

import org.springframework.http.HttpStatus;

/**
 * The one place where a domain refusal becomes HTTP: its status, and the problem
 * {@code type} and {@code title} of its family unless the exception names a more specific
 * {@link Kind}. Used by the API's problem details, the HTML error pages and the pages
 * that re-render a form with the refusal's status. {@link DomainException} is sealed, so
 * the compiler checks that every family has a row.
 */
public final class ProblemMapping {

	/**
	 * What an HTTP response says about a refusal; {@code retryAfter} (a
	 * {@code Retry-After} header) is null unless waiting helps.
	 */
	public record Problem(HttpStatus status, URI type, String title, Duration retryAfter) {

		Problem retryingAfter(Duration wait) {
			return new Problem(this.status, this.type, this.title, wait);
		}

		/**
		 * The {@code Retry-After} header's value in whole seconds (at least 1), if any.
		 */
		public java.util.Optional<String> retryAfterSeconds() {
			return java.util.Optional.ofNullable(this.retryAfter)
				.map(wait -> String.valueOf(Math.max(1, wait.toSeconds())));
		}

	}

	private ProblemMapping() {
	}

	public static Problem of(DomainException ex) {
		return switch (ex) {
			case InvalidInputException e -> problem(HttpStatus.BAD_REQUEST, e, Problems.VALIDATION, "Invalid input");
			case UnauthorizedException e -> problem(HttpStatus.UNAUTHORIZED, e, Problems.UNAUTHORIZED, "Unauthorized");
			case ForbiddenException e -> problem(HttpStatus.FORBIDDEN, e, Problems.FORBIDDEN, "Forbidden");
			case NotFoundException e -> problem(HttpStatus.NOT_FOUND, e, Problems.NOT_FOUND, "Not found");
			case ConflictException e -> problem(HttpStatus.CONFLICT, e, Problems.CONFLICT, "Conflict");
			case LimitExceededException e -> problem(HttpStatus.CONTENT_TOO_LARGE, e, Problems.TOO_LARGE, "Too large");
			// no family default: every refusal names its kind (checked when it is
			// created)
			case RefusedException e -> problem(HttpStatus.UNPROCESSABLE_CONTENT, e, null, null);
			case RateLimitedException e ->
				problem(HttpStatus.TOO_MANY_REQUESTS, e, Problems.RATE_LIMITED, "Too many requests")
					.retryingAfter(e.retryAfter());
			// named kinds only, like refusals
			case UnavailableException e ->
				problem(HttpStatus.SERVICE_UNAVAILABLE, e, null, null).retryingAfter(e.retryAfter());
			case InsufficientStorageException e -> problem(HttpStatus.INSUFFICIENT_STORAGE, e, null, null);
		};
	}

	public static HttpStatus statusOf(DomainException ex) {
		return of(ex).status();
	}

	private static Problem problem(HttpStatus status, DomainException ex, URI type, String title) {
		Kind kind = ex.kind().orElseGet(() -> new Kind(type, title));
		return new Problem(status, kind.type(), kind.title(), null);
	}

}
