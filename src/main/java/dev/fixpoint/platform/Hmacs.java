package dev.fixpoint.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of request bodies (forge and chat webhooks in, outbound webhooks
 * out) and their comparison in constant time. The one place that does it.
 */
public final class Hmacs {

	private Hmacs() {
	}

	/** HMAC-SHA256 of the body under the key, lower-case hex. */
	public static String sha256Hex(byte[] key, byte[] body) {
		return HexFormat.of().formatHex(sha256(key, body));
	}

	/** HMAC-SHA256 of the body under the key (a UTF-8 string). */
	public static String sha256Hex(String key, byte[] body) {
		return sha256Hex(key.getBytes(StandardCharsets.UTF_8), body);
	}

	/** HMAC-SHA256 of the body under the key, raw bytes. */
	public static byte[] sha256(byte[] key, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Compares two strings (signatures, tokens) in time that does not depend on where
	 * they differ; {@code null} equals nothing.
	 */
	public static boolean equalsConstantTime(String expected, String actual) {
		if (expected == null || actual == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
