package dev.fixpoint.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that a limit applies to: it answers 429 with {@code Retry-After}
 * once the limit is reached and sends the {@code RateLimit-*} headers
 * ({@link RateLimitHeaders}) on its responses. The OpenAPI description documents both
 * from this annotation ({@link ApiErrorResponses}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RateLimited {

	/** What is limited, for the 429's description (e.g. "failed logins per account"). */
	String value();

}
