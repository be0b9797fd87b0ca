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

	static final String ORG_SSO = SECURITY + "/orgs/{org}/sso";

	static final String ORG_SSO_DOMAIN = ORG_SSO + "/domains/{domain}/confirmation";

	static final String PASSKEYS = SECURITY + "/passkeys";

	static final String PASSKEY_OPTIONS = PASSKEYS + "/options";

	static final String PASSKEY_RENAME = PASSKEYS + "/{id}/rename";

	static final String PASSKEY_DELETE = PASSKEYS + "/{id}/delete";

	static final String DEVICE_FORGET = SECURITY + "/devices/{id}/forget";

	/** Sign-in with a passkey alone, from the sign-in page. */
	static final String LOGIN_PASSKEY = "/login/passkey";

	static final String LOGIN_PASSKEY_OPTIONS = LOGIN_PASSKEY + "/options";

	/** A passkey as the second step after a password. */
	static final String SECOND_FACTOR_PASSKEY = LOGIN_SECOND_FACTOR + "/passkey";

	static final String SECOND_FACTOR_PASSKEY_OPTIONS = SECOND_FACTOR_PASSKEY + "/options";

	/** The cookie of a remembered device (path {@code /login}: sent only to sign-in). */
	static final String DEVICE_COOKIE = "fixpoint_device";

	private SecondFactorRoutes() {
	}

}
