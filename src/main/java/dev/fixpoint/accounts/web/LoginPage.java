package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.SingleSignOn;

/**
 * The sign-in page, email first: the {@code email} step asks only for the address (and
 * offers passkeys and the instance's provider); the {@code password} step follows for an
 * address no organization's single sign-on claims, with that organization's provider
 * first when one does but does not require it; the {@code single sign-on} step goes on to
 * the provider of an organization that requires it. Carries the email typed (never the
 * password), where to go afterwards, one message, and the providers' buttons.
 */
public record LoginPage(Step step, String email, String next, String notice, String error,
		List<SingleSignOn.Button> providers) {

	/** Which form the page shows. */
	public enum Step {

		EMAIL, PASSWORD,

		/**
		 * The email's organization requires its provider: the page follows it at once (a
		 * new navigation: a redirect from the form's POST through the provider and back
		 * would not carry the SameSite=Lax session cookie home in Chromium).
		 */
		SINGLE_SIGN_ON

	}

	/** The first step: no email yet. */
	static LoginPage askEmail(String email, String next, String notice, String error,
			List<SingleSignOn.Button> providers) {
		return new LoginPage(Step.EMAIL, email, next, notice, error, providers);
	}

	/** The second step, for {@code email}. */
	static LoginPage askPassword(String email, String next, String error, List<SingleSignOn.Button> providers) {
		return new LoginPage(Step.PASSWORD, email, next, null, error, providers);
	}

	/** The third kind: straight on to the organization's provider. */
	static LoginPage askProvider(String email, SingleSignOn.Button provider) {
		return new LoginPage(Step.SINGLE_SIGN_ON, email, null, null, null, List.of(provider));
	}

	public boolean emailStep() {
		return this.step == Step.EMAIL;
	}

	public boolean singleSignOnStep() {
		return this.step == Step.SINGLE_SIGN_ON;
	}

	/** Where a provider's button starts its sign-in (Spring Security's OAuth2 login). */
	public static String providerUrl(SingleSignOn.Button provider) {
		return SsoSignIn.START + provider.id();
	}

	/** Back to the first step (another email), keeping where to go. */
	public String changeEmailUrl() {
		return this.next == null ? AccountRoutes.LOGIN : AccountRoutes.LOGIN + "?next="
				+ java.net.URLEncoder.encode(this.next, java.nio.charset.StandardCharsets.UTF_8);
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

	public String continueAction() {
		return AccountRoutes.LOGIN_CONTINUE;
	}

	public String action() {
		return AccountRoutes.LOGIN;
	}

}
