package dev.fixpoint.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Too many attempts; the caller may retry after {@link #retryAfter()}. */
public non-sealed class RateLimitedException extends DomainException {

	private final Duration retryAfter;

	public RateLimitedException(String detail, Duration retryAfter) {
		super(null, detail, List.of(), Map.of());
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
