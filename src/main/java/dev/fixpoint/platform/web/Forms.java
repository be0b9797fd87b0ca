package dev.fixpoint.platform.web;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InsufficientStorageException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.LimitExceededException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.RefusedException;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.UnavailableException;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;

import org.springframework.http.HttpStatus;

/**
 * The one rule for the pages' forms: runs a form's action and decides which refusals go
 * back into the form, with which status, and which propagate to the error page
 * ({@link PageExceptionHandler}). Controllers keep only the success path and the
 * re-render ({@link FormSubmission}).
 *
 * <table>
 * <caption>refusal → answer</caption>
 * <tr>
 * <th>refusal</th>
 * <th>answer</th>
 * <th>status</th>
 * </tr>
 * <tr>
 * <td>{@link InvalidInputException}, a form that does not bind or validate</td>
 * <td>the form</td>
 * <td>422 ({@link #apiStatuses()}: 400)</td>
 * </tr>
 * <tr>
 * <td>{@link ConflictException} (a version conflict, a taken name)</td>
 * <td>the form</td>
 * <td>409</td>
 * </tr>
 * <tr>
 * <td>{@link RefusedException} (a workflow transition, an upload's content)</td>
 * <td>the form</td>
 * <td>422</td>
 * </tr>
 * <tr>
 * <td>{@link LimitExceededException}</td>
 * <td>the form</td>
 * <td>413</td>
 * </tr>
 * <tr>
 * <td>{@link RateLimitedException}</td>
 * <td>the form</td>
 * <td>429</td>
 * </tr>
 * <tr>
 * <td>{@link UnavailableException}, {@link InsufficientStorageException} (e.g. an
 * attachment store that cannot be written, or is full)</td>
 * <td>the form</td>
 * <td>503, 507</td>
 * </tr>
 * <tr>
 * <td>{@link NotFoundException}, {@link ForbiddenException},
 * {@link UnauthorizedException}</td>
 * <td>the error page (unless {@link #alsoInForm})</td>
 * <td>404, 403, 401</td>
 * </tr>
 * </table>
 * Statuses other than invalid input's are {@link ProblemMapping}'s. A fragment that htmx
 * swaps in is answered with 200 ({@link Rejected#status(HtmxRequest)}).
 */
public final class Forms {

	private static final Rule RULE = new Rule(HttpStatus.UNPROCESSABLE_CONTENT, Set.of());

	private Forms() {
	}

	/**
	 * Runs {@code action} under the rule: accepted with its answer, or rejected with what
	 * the form shows.
	 */
	public static <T> FormSubmission<T> submit(Supplier<? extends T> action) {
		return RULE.submit(action);
	}

	/**
	 * Rejected with {@code invalid} (binding, Bean Validation) without running
	 * {@code action}, if there is any.
	 */
	public static <T> FormSubmission<T> submit(FormErrors invalid, Supplier<? extends T> action) {
		return RULE.submit(invalid, action);
	}

	/** {@link #submit(Supplier)} for an action without an answer. */
	public static FormSubmission<Void> run(Runnable action) {
		return RULE.run(action);
	}

	/**
	 * A refusal that did not come from an action (e.g. from an exception handler), under
	 * the rule.
	 */
	public static <T> Rejected<T> reject(DomainException refusal) {
		return RULE.reject(refusal);
	}

	/**
	 * The rule, with invalid input answered 400 Bad Request as the API does: the pages of
	 * accounts, projects and notifications, whose tests pin it.
	 */
	public static Rule apiStatuses() {
		return new Rule(HttpStatus.BAD_REQUEST, Set.of());
	}

	/**
	 * The rule, with {@code family} going back into the form too (the sign-in form
	 * answers a wrong password).
	 */
	public static Rule alsoInForm(Class<? extends DomainException> family) {
		return RULE.alsoInForm(family);
	}

	/**
	 * The rule's two settings.
	 *
	 * @param invalidInput the status of a form with invalid input
	 * @param inForm families of the error page's that this form answers itself
	 */
	public record Rule(HttpStatus invalidInput, Set<Class<? extends DomainException>> inForm) {

		public Rule {
			inForm = Set.copyOf(inForm);
		}

		public <T> FormSubmission<T> submit(Supplier<? extends T> action) {
			try {
				return new Accepted<>(action.get());
			}
			catch (DomainException ex) {
				return reject(ex);
			}
		}

		public <T> FormSubmission<T> submit(FormErrors invalid, Supplier<? extends T> action) {
			if (invalid.any()) {
				return new Rejected<>(null, invalid, this.invalidInput);
			}
			return submit(action);
		}

		public FormSubmission<Void> run(Runnable action) {
			return submit(() -> {
				action.run();
				return null;
			});
		}

		/**
		 * {@code refusal} as a rejected form, or thrown again when it is the error
		 * page's.
		 */
		public <T> Rejected<T> reject(DomainException refusal) {
			if (!goesToForm(refusal)) {
				throw refusal;
			}
			HttpStatus status = refusal instanceof InvalidInputException ? this.invalidInput
					: ProblemMapping.statusOf(refusal);
			return new Rejected<>(refusal, FormErrors.of(refusal), status);
		}

		public Rule alsoInForm(Class<? extends DomainException> family) {
			Set<Class<? extends DomainException>> families = new HashSet<>(this.inForm);
			families.add(family);
			return new Rule(this.invalidInput, families);
		}

		/**
		 * {@link DomainException} is sealed: a new family does not compile until it has a
		 * row here.
		 */
		private boolean goesToForm(DomainException refusal) {
			return switch (refusal) {
				case InvalidInputException e -> true;
				case ConflictException e -> true;
				case RefusedException e -> true;
				case LimitExceededException e -> true;
				case RateLimitedException e -> true;
				case UnavailableException e -> true;
				case InsufficientStorageException e -> true;
				case NotFoundException e -> answered(e);
				case ForbiddenException e -> answered(e);
				case UnauthorizedException e -> answered(e);
			};
		}

		private boolean answered(DomainException refusal) {
			return this.inForm.stream().anyMatch(family -> family.isInstance(refusal));
		}

	}

}
