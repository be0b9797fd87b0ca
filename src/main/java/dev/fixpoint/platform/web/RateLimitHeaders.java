package dev.fixpoint.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.RateLimit;

/**
 * Writes a {@link RateLimit} as the IETF draft's {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (whole seconds, rounded up)
 * headers; documented on every limited operation by {@link ApiErrorResponses}.
 */
public final class RateLimitHeaders {

	static final String LIMIT = "RateLimit-Limit";

	static final String REMAINING = "RateLimit-Remaining";

	static final String RESET = "RateLimit-Reset";

	private RateLimitHeaders() {
	}

	public static void write(HttpServletResponse response, RateLimit limit) {
		response.setHeader(LIMIT, String.valueOf(limit.limit()));
		response.setHeader(REMAINING, String.valueOf(limit.remaining()));
		long millis = limit.reset().toMillis();
		response.setHeader(RESET, String.valueOf(millis / 1000 + (millis % 1000 == 0 ? 0 : 1)));
	}

}
