package dev.fixpoint.accounts.web;

/** The URLs of sign-in's second step and of a person's security settings. */
final class SecondFactorRoutes {

	static final String LOGIN_SECOND_FACTOR = "/login/second-factor";

	static final String SECURITY = "/settings/security";

	static final String TOTP = SECURITY + "/totp";

	static final String TOTP_CONFIRM = TOTP + "/confirm";

	static final String TOTP_DISABLE = TOTP + "/disable";

	static final String RECOVERY_CODES = SECURITY + "/recovery-codes";

	static final String ORG_RULE = SECURITY + "/orgs/{org}/two-factor";

	private SecondFactorRoutes() {
	}

}
