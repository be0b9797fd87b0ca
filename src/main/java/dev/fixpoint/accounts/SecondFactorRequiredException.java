package dev.fixpoint.accounts;

import java.net.URI;
import java.util.Map;

import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.UnauthorizedException;

/**
 * The password was right but the account has a second factor: send it (a TOTP code or a
 * recovery code) as {@code otp}. Problem type {@code .../otp-required}, with
 * {@code "otp_required": true}; also the answer to a wrong or reused code.
 */
public final class SecondFactorRequiredException extends UnauthorizedException {

	public static final Kind OTP_REQUIRED = new Kind(URI.create(Problems.BASE + "otp-required"),
			"Second factor required");

	private SecondFactorRequiredException(String detail) {
		super(OTP_REQUIRED, detail, Map.of("otp_required", true));
	}

	static SecondFactorRequiredException missing() {
		return new SecondFactorRequiredException(
				"This account has two-factor authentication: send a code from the authenticator app or a recovery code as otp");
	}

	static SecondFactorRequiredException wrong() {
		return new SecondFactorRequiredException("The code is wrong, expired or already used");
	}

}
