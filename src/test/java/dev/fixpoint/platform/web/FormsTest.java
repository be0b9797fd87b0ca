package dev.fixpoint.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.DomainException.Kind;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.LimitExceededException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.RefusedException;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule table of {@link Forms}, family by family. */
class FormsTest {

	private static final RefusedException REFUSED = new RefusedException(
			new Kind(URI.create("https://fixpoint.dev/problems/test"), "Refused"), "The workflow says no", Map.of()) {
	};

	private static final LimitExceededException TOO_LARGE = new LimitExceededException("Too large", Map.of()) {
	};

	@Test
	void anAcceptedFormCarriesTheAnswerAndNoErrors() {
		FormSubmission<String> submission = Forms.submit(() -> "WEB-1");

		assertThat(submission).isEqualTo(new Accepted<>("WEB-1"));
		assertThat(submission.errors().any()).isFalse();
		assertThat(Forms.run(() -> {
		})).isInstanceOf(Accepted.class);
	}

	@Test
	void refusalsAUserCanFixGoBackIntoTheFormWithTheirStatus() {
		assertRejected(InvalidInputException.of("title", "is required"), HttpStatus.UNPROCESSABLE_CONTENT);
		assertRejected(ConflictException.on("key", "is already used"), HttpStatus.CONFLICT);
		assertRejected(REFUSED, HttpStatus.UNPROCESSABLE_CONTENT);
		assertRejected(TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE);
		assertRejected(new RateLimitedException("Slow down", Duration.ofMinutes(1)), HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void notFoundForbiddenAndUnauthorizedAreTheErrorPagesJob() {
		for (DomainException refusal : List.of(NotFoundException.of("Bug"), ForbiddenException.because("No"),
				UnauthorizedException.because("Who?"))) {
			assertThatThrownBy(() -> Forms.submit(() -> {
				throw refusal;
			})).isSameAs(refusal);
		}
	}

	@Test
	void pagesThatAnswerLikeTheApiGiveInvalidInput400() {
		Rejected<Object> rejected = rejected(Forms.apiStatuses().submit(() -> {
			throw InvalidInputException.of("user", "No user with this email or username");
		}));
		assertThat(rejected.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rejected(Forms.apiStatuses().submit(() -> {
			throw ConflictException.because("Taken");
		})).status()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void theSignInFormAnswersAWrongPasswordItself() {
		Rejected<Object> rejected = rejected(Forms.alsoInForm(UnauthorizedException.class).submit(() -> {
			throw UnauthorizedException.because("Invalid email or password");
		}));

		assertThat(rejected.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rejected.errors().summary()).isEqualTo("Invalid email or password");
		assertThatThrownBy(() -> Forms.alsoInForm(UnauthorizedException.class).submit(() -> {
			throw ForbiddenException.because("No");
		})).isInstanceOf(ForbiddenException.class);
	}

	@Test
	void aFormThatDoesNotValidateIsRejectedWithoutRunningTheAction() {
		FormErrors invalid = FormErrors.of(InvalidInputException.of("name", "must not be blank"));

		FormSubmission<Object> submission = Forms.submit(invalid, () -> {
			throw new AssertionError("must not run");
		});

		Rejected<Object> rejected = rejected(submission);
		assertThat(rejected.refusal()).isNull();
		assertThat(rejected.errors()).isSameAs(invalid);
		assertThat(rejected.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(Forms.apiStatuses().submit(invalid, () -> "x")).isInstanceOf(Rejected.class)
			.extracting(s -> ((Rejected<?>) s).status())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(Forms.submit(FormErrors.none(), () -> "ran")).isEqualTo(new Accepted<>("ran"));
	}

	@Test
	void htmxSwapsOnlySuccessfulAnswersSoARejectedFragmentIs200() {
		Rejected<Object> rejected = Forms.reject(ConflictException.because("Someone else was faster"));

		assertThat(rejected.status(new HtmxRequest(true, false))).isEqualTo(HttpStatus.OK);
		assertThat(rejected.status(new HtmxRequest(false, false))).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void theRejectionKeepsTheRefusalForPagesThatAnswerOneKindTheirOwnWay() {
		ConflictException stale = ConflictException.on("version", "is old");

		assertThat(rejected(Forms.submit(() -> {
			throw stale;
		})).refusal()).isSameAs(stale);
		assertThat(rejected(Forms.submit(() -> {
			throw stale;
		})).errors().sentences()).containsExactly("Version is old.");
	}

	private static void assertRejected(DomainException refusal, HttpStatus status) {
		Rejected<Object> rejected = rejected(Forms.submit(() -> {
			throw refusal;
		}));
		assertThat(rejected.status()).as(refusal.getClass().getSimpleName()).isEqualTo(status);
		assertThat(rejected.refusal()).isSameAs(refusal);
		assertThat(rejected.errors().any()).isTrue();
	}

	private static Rejected<Object> rejected(FormSubmission<Object> submission) {
		assertThat(submission).isInstanceOf(Rejected.class);
		return (Rejected<Object>) submission;
	}

}
