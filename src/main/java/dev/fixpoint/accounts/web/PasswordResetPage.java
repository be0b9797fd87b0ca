package dev.fixpoint.accounts.web;

/**
 * The forgotten-password pages: ask for the address ({@code step} "request"), say an
 * email is on its way ("sent"), choose the new password ("choose", with the token), the
 * link no longer works ("invalid"), done ("done").
 */
public record PasswordResetPage(String step, String token, String error) {

	public boolean is(String name) {
		return this.step.equals(name);
	}

}
