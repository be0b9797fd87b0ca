package dev.fixpoint.accounts.web;

/** Sign-in's second step: one message, or none. */
public record SecondFactorPage(String error) {

	public String action() {
		return SecondFactorRoutes.LOGIN_SECOND_FACTOR;
	}

	public String cancelUrl() {
		return AccountRoutes.LOGIN;
	}

}
