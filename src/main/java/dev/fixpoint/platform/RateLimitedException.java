package dev.fixpoint.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** Too many attempts; the caller may retry after {@link #retryAfter()}. */
public class RateLimitedException extends DomainException {

	private final Duration retryAfter;

	public RateLimitedException(String detail, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many requests", detail, List.of(), Map.of());
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
