package dev.fixpoint.accounts;

import java.time.Instant;

/** An authenticator app for tests: the TOTP code of a seed at an instant. */
public final class TotpCodes {

	private TotpCodes() {
	}

	public static String at(String secret, Instant now) {
		return Totp.code(secret, Totp.step(now));
	}

	public static java.time.Duration step() {
		return java.time.Duration.ofSeconds(Totp.STEP_SECONDS);
	}

}
