package dev.fixpoint.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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
	void anUnreachableDatabaseIs503WithRetryAfter() {
		List<Throwable> outages = List.of(
				new CannotGetJdbcConnectionException("no connection",
						new SQLTransientConnectionException("pool timed out")),
				new CannotCreateTransactionException("begin", new SQLException("refused", "08001")),
				new jakarta.servlet.ServletException("Request processing failed",
						new DataAccessResourceFailureException("query", new SQLException("shutting down", "57P01"))),
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));
		for (Throwable outage : outages) {
			assertThat(ProblemMapping.unavailable(outage)).as(outage.toString()).hasValueSatisfying(problem -> {
				assertThat(problem.status().value()).isEqualTo(503);
				assertThat(problem.type()).isEqualTo(Problems.UNAVAILABLE);
			});
		}
		ResponseEntity<ProblemDetail> response = ProblemResponses
			.unavailable(ProblemMapping.unavailable(outages.get(0)).orElseThrow());
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void otherDatabaseErrorsAreNotAnOutage() {
		assertThat(ProblemMapping.unavailable(new DuplicateKeyException("dup", new SQLException("dup", "23505"))))
			.isEmpty();
		assertThat(
				ProblemMapping.unavailable(new BadSqlGrammarException("q", "select", new SQLException("x", "42601"))))
			.isEmpty();
		assertThat(ProblemMapping.unavailable(new IllegalStateException("bug"))).isEmpty();
		// the database refused the commit (a deferred constraint or trigger): not an
		// outage
		assertThat(ProblemMapping.unavailable(new TransactionSystemException("JDBC commit failed",
				new SQLException("ERROR: attachment refused", "P0001"))))
			.isEmpty();
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
