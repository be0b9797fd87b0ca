package dev.fixpoint.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort values of the last row of a page. Encoded as URL-safe
 * base64 of unit-separated strings so clients cannot (and need not) interpret it.
 */
public record Cursor(List<String> values) {

	private static final char SEPARATOR = '\u001f';

	public Cursor {
		values = List.copyOf(values);
	}

	public static Cursor of(String... values) {
		return new Cursor(List.of(values));
	}

	public String encode() {
		String joined = String.join(String.valueOf(SEPARATOR), this.values);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor of exactly {@code arity} values; anything else is the client's
	 * error.
	 */
	public static Cursor decode(String encoded, int arity) {
		try {
			String joined = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			List<String> parts = List.of(joined.split(String.valueOf(SEPARATOR), -1));
			if (parts.size() != arity) {
				throw InvalidInputException.of("cursor", "is not a cursor returned by this list");
			}
			return new Cursor(parts);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("cursor", "is not a cursor returned by this list");
		}
	}

	public String get(int index) {
		return this.values.get(index);
	}

	/**
	 * Where a list ordered by (time, id) goes on: after this row; both null = from the
	 * start.
	 */
	public record TimeAndId(Instant time, UUID id) {
	}

	/**
	 * The position a (time, id) cursor names; none (null or blank) = the start. Anything
	 * else is the client's error.
	 */
	public static TimeAndId timeAndId(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			return new TimeAndId(null, null);
		}
		Cursor c = decode(encoded, 2);
		try {
			return new TimeAndId(Instant.parse(c.get(0)), UUID.fromString(c.get(1)));
		}
		catch (RuntimeException ex) {
			throw InvalidInputException.of("cursor", "is not a cursor returned by this list");
		}
	}

}
