package dev.fixpoint.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * "Now", always read from the application's {@link Clock} bean
 * ({@link ClockConfiguration}; tests move it with {@code support.TestClock}): beans get
 * the clock injected and call {@link #now(Clock)}; records and static helpers take the
 * instant from their caller.
 * <p>
 * Data that happened in the past (the demo's months of history) is written
 * {@link #backdated}: on that thread, for the work it runs, every service's "now" is the
 * given instant, so rows, history, SLA clocks, rollups and outbox events carry the time
 * they would have had, through the ordinary use cases.
 */
public final class Times {

	private static final ThreadLocal<Instant> BACKDATED = new ThreadLocal<>();

	private Times() {
	}

	/**
	 * Now by {@code clock} (or the instant this thread runs {@link #backdated} at), at
	 * PostgreSQL's {@code timestamptz} precision (microseconds), so a value returned
	 * right after a write equals the one read back later.
	 */
	public static Instant now(Clock clock) {
		Instant at = BACKDATED.get();
		return (at != null ? at : clock.instant()).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Runs {@code work} on this thread as if it were {@code at}: {@link #now} answers
	 * {@code at} inside it (nested calls restore the outer instant).
	 */
	public static <T> T backdated(Instant at, Supplier<T> work) {
		Instant outer = BACKDATED.get();
		BACKDATED.set(at);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				BACKDATED.remove();
			}
			else {
				BACKDATED.set(outer);
			}
		}
	}

}
