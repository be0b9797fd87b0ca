package dev.fixpoint.platform.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

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

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one place where a domain refusal becomes HTTP: its status, and the problem
 * {@code type} and {@code title} of its family unless the exception names a more specific
 * {@link Kind}. Used by the API's problem details, the HTML error pages and the pages
 * that re-render a form with the refusal's status. {@link DomainException} is sealed, so
 * the compiler checks that every family has a row. Besides the refusals, one failure of
 * the infrastructure has a row: the database is unreachable ({@link #unavailable}).
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
		public Optional<String> retryAfterSeconds() {
			return Optional.ofNullable(this.retryAfter).map(wait -> String.valueOf(Math.max(1, wait.toSeconds())));
		}

	}

	private ProblemMapping() {
	}

	/** What a 503 tells the client to wait before trying again. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	/**
	 * 503 when {@code ex} (or a cause) says the database cannot be reached right now: no
	 * connection within the pool's timeout, the server shutting down or restarting (SQL
	 * state class 08, 57P01–57P03), a connection that broke mid-request. The request did
	 * not take effect, or its outcome is unknown (a failed commit): never a success, and
	 * worth retrying after {@link #RETRY_AFTER}.
	 */
	public static Optional<Problem> unavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (isConnectionFailure(t)) {
				return Optional.of(new Problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
						"Service unavailable", RETRY_AFTER));
			}
		}
		return Optional.empty();
	}

	private static boolean isConnectionFailure(Throwable t) {
		if (t instanceof TransactionSystemException) {
			// a commit or rollback failed: an outage when the connection broke (the
			// rollback's failure then hides the cause, e.g. 57P01), not when the database
			// refused the commit itself (a deferred constraint, a trigger: its own state)
			return !refusedByTheDatabase(t);
		}
		if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
				|| t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
				|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
				|| t instanceof SQLRecoverableException) {
			return true;
		}
		return isConnectionState(t instanceof SQLException sql ? sql.getSQLState() : null);
	}

	private static boolean refusedByTheDatabase(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && !isConnectionState(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionState(String state) {
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
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
