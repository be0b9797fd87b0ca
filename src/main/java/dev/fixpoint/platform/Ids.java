package dev.fixpoint.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Identifiers: time-ordered UUIDs (v7) for new rows, lenient parsing of path variables.
 */
public final class Ids {

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private Ids() {
	}

	/**
	 * A UUIDv7: sorts by creation time, so inserts stay at the right edge of the primary
	 * key index.
	 */
	public static UUID newId() {
		long millis = System.currentTimeMillis();
		long randA = RANDOM.nextInt(1 << 12);
		long msb = (millis << 16) | 0x7000L | randA;
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	public static Optional<UUID> parse(String value) {
		if (value == null || value.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
