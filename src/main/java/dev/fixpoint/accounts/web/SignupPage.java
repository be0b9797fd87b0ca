package dev.fixpoint.accounts.web;

import dev.fixpoint.accounts.Signup;
import dev.fixpoint.platform.web.FormErrors;

/**
 * The account form of {@code /signup} and of the first-run {@code /setup}: what the
 * person typed (never the password) and what was wrong with it.
 */
public record SignupPage(boolean setup, String name, String username, String email, String organizationName,
		FormErrors errors) {

	static SignupPage empty(boolean setup) {
		return new SignupPage(setup, null, null, null, null, FormErrors.none());
	}

	static SignupPage closed(String reason) {
		return new SignupPage(false, null, null, null, null, FormErrors.summary(reason));
	}

	static SignupPage retry(boolean setup, Signup typed, FormErrors errors) {
		return new SignupPage(setup, typed.name(), typed.username(), typed.email(), typed.organizationName(), errors);
	}

	public String title() {
		return this.setup ? "Set up Fixpoint" : "Create your account";
	}

	public String action() {
		return this.setup ? AccountRoutes.SETUP : AccountRoutes.SIGNUP;
	}

	public String loginUrl() {
		return AccountRoutes.LOGIN;
	}

}
