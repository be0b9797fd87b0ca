package dev.fixpoint.platform;

import java.time.Duration;

/**
 * Where a caller stands against a limit, as the API reports it in the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * headers (IETF draft "RateLimit header fields for HTTP"): {@code limit} requests per
 * window, {@code remaining} of them left, the full quota back after {@code reset}.
 */
public record RateLimit(int limit, long remaining, Duration reset) {

	public RateLimit {
		remaining = Math.max(0, remaining);
	}

	/** Of two limits that apply at once, the one closer to running out. */
	public RateLimit tighter(RateLimit other) {
		return other.remaining < this.remaining ? other : this;
	}

}
