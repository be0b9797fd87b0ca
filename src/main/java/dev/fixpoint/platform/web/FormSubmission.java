package dev.fixpoint.platform.web;

import dev.fixpoint.platform.DomainException;

import org.springframework.http.HttpStatus;

/**
 * What became of a submitted form ({@link Forms}): accepted with the action's answer, so
 * the controller redirects (POST-redirect-GET) or answers htmx, or rejected with what the
 * form shows again and the status it is shown with. Controllers switch over it:
 *
 * <pre>
 * return switch (Forms.submit(() -&gt; this.components.create(key, user, form.name(), form.ownerId()))) {
 *     case Accepted&lt;ProjectComponent&gt;(ProjectComponent created) -&gt; "redirect:" + ...;
 *     case Rejected&lt;ProjectComponent&gt; rejected -&gt; retry(page.withComponentErrors(form, rejected.errors()), rejected);
 * };
 * </pre>
 */
public sealed interface FormSubmission<T> {

	/** The messages to show in the form: none when accepted. */
	FormErrors errors();

	/**
	 * The action succeeded; {@code value} is its answer (null for an action without one).
	 */
	record Accepted<T>(T value) implements FormSubmission<T> {

		@Override
		public FormErrors errors() {
			return FormErrors.none();
		}

	}

	/**
	 * The form goes back to the user.
	 *
	 * @param refusal what the service said; null when the form itself did not bind or
	 * validate
	 * @param errors its messages, by field
	 * @param status the status of the page that shows the form again (see {@link Forms})
	 */
	record Rejected<T>(DomainException refusal, FormErrors errors, HttpStatus status) implements FormSubmission<T> {

		/**
		 * The status for a fragment that htmx swaps in: 200, because htmx swaps only
		 * successful answers (the message is in the fragment); a full page, or a script
		 * reading the answer itself, gets {@link #status()}.
		 */
		public HttpStatus status(HtmxRequest htmx) {
			return htmx.request() ? HttpStatus.OK : this.status;
		}

	}

}
