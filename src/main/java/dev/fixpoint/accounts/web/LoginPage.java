package dev.fixpoint.accounts.web;

/**
 * The sign-in form: the email typed (never the password), where to go afterwards, and one
 * message.
 */
public record LoginPage(String email, String next, String notice, String error) {

	public String signupUrl() {
		return AccountRoutes.SIGNUP;
	}

	public String action() {
		return AccountRoutes.LOGIN;
	}

}
