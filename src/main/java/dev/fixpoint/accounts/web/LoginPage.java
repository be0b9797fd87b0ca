package dev.fixpoint.accounts.web;

/**
 * The sign-in form: the email typed (never the password), where to go afterwards, one
 * message, and the single sign-on providers' buttons.
 */
public record LoginPage(String email, String next, String notice, String error,
		java.util.List<dev.fixpoint.accounts.SingleSignOn.Button> providers) {

	/** Where a provider's button starts its sign-in (Spring Security's OAuth2 login). */
	public static String providerUrl(dev.fixpoint.accounts.SingleSignOn.Button provider) {
		return "/oauth2/authorization/" + provider.id();
	}

	public String signupUrl() {
		return AccountRoutes.SIGNUP;
	}

	public String passkeyOptionsUrl() {
		return SecondFactorRoutes.LOGIN_PASSKEY_OPTIONS;
	}

	public String passkeyUrl() {
		return SecondFactorRoutes.LOGIN_PASSKEY;
	}

	public String action() {
		return AccountRoutes.LOGIN;
	}

}
