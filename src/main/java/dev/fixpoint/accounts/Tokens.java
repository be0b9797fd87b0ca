package dev.fixpoint.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer token secrets: 256 random bits with a recognizable prefix; stored only as
 * SHA-256.
 */
final class Tokens {

	static final String PREFIX = "fxp_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String displayPrefix(String secret) {
		return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6));
	}

}
