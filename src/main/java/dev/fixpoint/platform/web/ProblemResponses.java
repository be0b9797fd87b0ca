package dev.fixpoint.platform.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the problem+json responses, so the advice, the security entry points and /error
 * agree.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static ProblemDetail of(DomainException ex) {
		ProblemMapping.Problem mapped = ProblemMapping.of(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(mapped.status(), ex.getMessage());
		problem.setType(mapped.type());
		problem.setTitle(mapped.title());
		if (!ex.fieldErrors().isEmpty()) {
			problem.setProperty("errors", ex.fieldErrors());
		}
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	public static ResponseEntity<ProblemDetail> entity(DomainException ex) {
		ProblemMapping.Problem mapped = ProblemMapping.of(ex);
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(mapped.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		mapped.retryAfterSeconds().ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, seconds));
		return builder.body(of(ex));
	}

	public static ProblemDetail validation(List<FieldError> errors) {
		return of(InvalidInputException.of(errors));
	}

	public static ProblemDetail simple(HttpStatus status, java.net.URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The database cannot be reached ({@link ProblemMapping#unavailable}): 503 with
	 * {@code Retry-After}.
	 */
	public static ResponseEntity<ProblemDetail> unavailable(ProblemMapping.Problem problem) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		problem.retryAfterSeconds().ifPresent(seconds -> builder.header(HttpHeaders.RETRY_AFTER, seconds));
		return builder.body(simple(problem.status(), problem.type(), problem.title(),
				"The service is temporarily unavailable; try again shortly."));
	}

	public static ProblemDetail internal(UUID correlationId) {
		ProblemDetail problem = simple(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
				"Something went wrong on our side. Quote correlation id " + correlationId + " when reporting it.");
		problem.setProperty("correlation_id", correlationId.toString());
		return problem;
	}

}
