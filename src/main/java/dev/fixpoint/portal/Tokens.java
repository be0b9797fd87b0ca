package dev.fixpoint.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import dev.fixpoint.platform.Hmacs;

/**
 * Ticket numbers and the secrets in the portal's links. A ticket is the project key and
 * six random characters (no I, L, O, U: read aloud and typed without mix-ups), so it says
 * nothing about how many reports a project gets. Tracking, confirmation and subscription
 * tokens are 256 random bits; only their SHA-256 is stored, so a database leak gives no
 * working link, and a token is checked by looking its hash up.
 */
final class Tokens {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tokens() {
	}

	static String ticket(String projectKey) {
		StringBuilder ticket = new StringBuilder(projectKey).append('-');
		for (int i = 0; i < 6; i++) {
			ticket.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return ticket.toString();
	}

	/** Whether {@code value} has the shape of a ticket (before any lookup). */
	static boolean looksLikeTicket(String value) {
		return value != null && value.matches("^[A-Z][A-Z0-9]{1,9}-[0-9A-Z]{6}$");
	}

	static String secret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return hash(token.getBytes(StandardCharsets.UTF_8));
	}

	/** SHA-256 of bytes, in hex. */
	static String hash(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares a presented token with a stored hash in constant time. */
	static boolean matches(String token, String storedHash) {
		if (token == null || token.isEmpty() || token.length() > 100 || storedHash == null) {
			return false;
		}
		return Hmacs.equalsConstantTime(storedHash, hash(token));
	}

}
