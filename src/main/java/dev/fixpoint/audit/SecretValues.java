package dev.fixpoint.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last guard before a value reaches {@code audit_events}: a value under a key that
 * names a secret ({@code client_secret}, {@code bot_token}, {@code password},
 * {@code signing_key}...) is replaced by {@value #REDACTED}, in nested maps and lists
 * too. Facts about a secret stay ({@code secret_set: true}, {@code token_id}): only text
 * and bytes are secrets. Modules still record only what they mean to (never a secret);
 * this makes a slip harmless.
 */
final class SecretValues {

	static final String REDACTED = "[redacted]";

	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i)(.*_)?(secret|token|password|passphrase|private_key|signing_key|api_key|otp|seed)s?");

	private SecretValues() {
	}

	static Map<String, ?> redacted(Map<String, ?> values) {
		if (values == null) {
			return null;
		}
		Map<String, Object> safe = new LinkedHashMap<>();
		values.forEach((key, value) -> safe.put(key, redacted(key, value)));
		return safe;
	}

	@SuppressWarnings("unchecked")
	private static Object redacted(String key, Object value) {
		if (value == null || value instanceof Boolean || value instanceof Number) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			return redacted((Map<String, ?>) map);
		}
		if (SECRET_KEY.matcher(key).matches()) {
			return REDACTED;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(item -> redacted(key, item)).toList();
		}
		return value;
	}

}
