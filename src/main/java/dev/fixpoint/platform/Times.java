package dev.fixpoint.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now", always read from the application's {@link Clock} bean
 * ({@link ClockConfiguration}; tests move it with {@code support.TestClock}): beans get
 * the clock injected and call {@link #now(Clock)}; records and static helpers take the
 * instant from their caller.
 */
public final class Times {

	private Times() {
	}

	/**
	 * Now by {@code clock}, at PostgreSQL's {@code timestamptz} precision (microseconds),
	 * so a value returned right after a write equals the one read back later.
	 */
	public static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
