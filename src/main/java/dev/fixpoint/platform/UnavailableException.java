package dev.fixpoint.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something the request needs is out of service for now (a store that cannot be written,
 * a backend that does not answer); nothing was changed, and the same request may succeed
 * after {@link #retryAfter()}. Always a named {@link Kind}.
 */
public abstract non-sealed class UnavailableException extends DomainException {

	private final Duration retryAfter;

	protected UnavailableException(Kind kind, String detail, Duration retryAfter, Map<String, Object> properties) {
		super(Objects.requireNonNull(kind, "an outage names its kind"), detail, List.of(), properties);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
