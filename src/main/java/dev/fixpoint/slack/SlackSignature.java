package dev.fixpoint.slack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.regex.Pattern;

import dev.fixpoint.platform.Hmacs;

/**
 * Slack's request signing, version 0: {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of
 * "v0:" + X-Slack-Request-Timestamp + ":" + raw body>}, with a timestamp at most 5
 * minutes from now either way (an older one is a replay).
 */
final class SlackSignature {

	static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Pattern SIGNATURE = Pattern.compile("v0=[0-9a-f]{64}");

	private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

	private SlackSignature() {
	}

	/** Why the request is refused, or null when one of the secrets signed it. */
	static String refusal(String timestamp, String signature, byte[] body, Collection<String> secrets, Instant now) {
		if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
			return "missing or malformed X-Slack-Request-Timestamp";
		}
		long seconds = Long.parseLong(timestamp);
		if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
			return "X-Slack-Request-Timestamp is more than 5 minutes away (a replay?)";
		}
		if (signature == null || !SIGNATURE.matcher(signature).matches()) {
			return "missing or malformed X-Slack-Signature (v0= required)";
		}
		for (String secret : secrets) {
			if (Hmacs.equalsConstantTime(sign(secret, timestamp, body), signature)) {
				return null;
			}
		}
		return "the signature does not verify";
	}

	static String sign(String secret, String timestamp, byte[] body) {
		byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
		byte[] base = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, base, 0, prefix.length);
		System.arraycopy(body, 0, base, prefix.length, body.length);
		return "v0=" + Hmacs.sha256Hex(secret, base);
	}

}
