package dev.fixpoint.platform.web;

import java.time.Duration;
import java.util.List;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.UnauthorizedException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappingTest {

	@Test
	void eachFamilyHasItsStatusTypeAndTitle() {
		assertProblem(NotFoundException.of("Bug"), 404, Problems.NOT_FOUND.toString(), "Not found",
				"Bug was not found");
		assertProblem(ForbiddenException.because("No"), 403, Problems.FORBIDDEN.toString(), "Forbidden", "No");
		assertProblem(UnauthorizedException.because("Who?"), 401, Problems.UNAUTHORIZED.toString(), "Unauthorized",
				"Who?");
		assertProblem(ConflictException.because("Last admin"), 409, Problems.CONFLICT.toString(), "Conflict",
				"Last admin");
		assertProblem(InvalidInputException.of("title", "is required"), 400, Problems.VALIDATION.toString(),
				"Invalid input", "Some fields are invalid");
		assertProblem(new RateLimitedException("Slow down", Duration.ofSeconds(90)), 429,
				Problems.RATE_LIMITED.toString(), "Too many requests", "Slow down");
	}

	@Test
	void fieldErrorsBecomeErrors() {
		ProblemDetail conflict = ProblemResponses.of(ConflictException.on("key", "is already used"));
		assertThat(conflict.getDetail()).isEqualTo("key is already used");
		assertThat(conflict.getProperties()).containsEntry("errors", List.of(new FieldError("key", "is already used")));
		assertThat(ProblemResponses.of(ForbiddenException.because("No")).getProperties()).isNull();
	}

	@Test
	void rateLimitsSayWhenToRetry() {
		assertThat(ProblemResponses.entity(new RateLimitedException("Slow down", Duration.ofSeconds(90)))
			.getHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("90");
		assertThat(ProblemResponses.entity(new RateLimitedException("Slow down", Duration.ZERO))
			.getHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
	}

	private static void assertProblem(DomainException ex, int status, String type, String title, String detail) {
		assertThat(ProblemMapping.statusOf(ex).value()).isEqualTo(status);
		ProblemDetail problem = ProblemResponses.of(ex);
		assertThat(problem.getStatus()).isEqualTo(status);
		assertThat(problem.getType()).hasToString(type);
		assertThat(problem.getTitle()).isEqualTo(title);
		assertThat(problem.getDetail()).isEqualTo(detail);
	}

}
