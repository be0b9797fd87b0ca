package dev.fixpoint.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The clock of stored data. */
public final class Times {

	private Times() {
	}

	/**
	 * Now, at PostgreSQL's {@code timestamptz} precision (microseconds), so a value returned right after a write
	 * equals the one read back later.
	 */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
