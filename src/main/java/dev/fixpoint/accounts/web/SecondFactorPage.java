package dev.fixpoint.accounts.web;

/**
 * Sign-in's second step: which factors the person has (a code from the app, a passkey)
 * and one message, or none.
 */
public record SecondFactorPage(boolean totp, boolean passkey, String error) {

	public String action() {
		return SecondFactorRoutes.LOGIN_SECOND_FACTOR;
	}

	public String passkeyOptionsUrl() {
		return SecondFactorRoutes.SECOND_FACTOR_PASSKEY_OPTIONS;
	}

	public String passkeyUrl() {
		return SecondFactorRoutes.SECOND_FACTOR_PASSKEY;
	}

	public String cancelUrl() {
		return AccountRoutes.LOGIN;
	}

	/** How long "remember this device" lasts, in days. */
	public long rememberDays() {
		return dev.fixpoint.accounts.RememberedDevices.FOR.toDays();
	}

}
