package dev.fixpoint.platform.outbox;

import java.time.Duration;

/**
 * Thrown by a handler whose delivery failed in a way the other side said how long to wait
 * for (an HTTP {@code Retry-After}): the row waits at least {@link #atLeast()}, or the
 * usual backoff when that is longer. Like any failure, it rolls the handler's savepoint
 * back and counts as an attempt; unlike others it is logged without a stack trace (it is
 * an answer, not a bug).
 */
public class RetryLaterException extends RuntimeException {

	private final Duration atLeast;

	public RetryLaterException(String message, Duration atLeast) {
		super(message);
		this.atLeast = atLeast == null || atLeast.isNegative() ? Duration.ZERO : atLeast;
	}

	public Duration atLeast() {
		return this.atLeast;
	}

}
