package dev.fixpoint.portal;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fixpoint.platform.RateLimit;
import dev.fixpoint.platform.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Floods: at most {@code reportsPerIp} reports, tracking-page messages and status
 * subscriptions per client address, and {@code reportsPerEmail} reports per email
 * address, in a window, refilled gradually (429 with {@code Retry-After} beyond). Counted
 * per node, like the login throttle.
 */
@Component
class PortalThrottle {

	private final PortalProperties properties;

	private final Cache<String, Bucket> addresses;

	private final Cache<String, Bucket> emails;

	PortalThrottle(PortalProperties properties) {
		this.properties = properties;
		this.addresses = Caffeine.newBuilder().expireAfterAccess(properties.window()).maximumSize(100_000).build();
		this.emails = Caffeine.newBuilder().expireAfterAccess(properties.window()).maximumSize(100_000).build();
	}

	/** Takes one from the address's (and the email's, when given) allowance, or 429. */
	void take(String ip, String email) {
		Bucket address = bucket(this.addresses, ip == null ? "unknown" : ip, this.properties.reportsPerIp());
		Bucket mail = email == null ? null
				: bucket(this.emails, email.strip().toLowerCase(Locale.ROOT), this.properties.reportsPerEmail());
		if (address.getAvailableTokens() <= 0 || (mail != null && mail.getAvailableTokens() <= 0)) {
			long wait = Math.max(untilAvailable(address, 1), mail == null ? 0 : untilAvailable(mail, 1));
			throw new RateLimitedException("Too many reports. Please try again later.", Duration.ofNanos(wait));
		}
		address.tryConsume(1);
		if (mail != null) {
			mail.tryConsume(1);
		}
	}

	/** The address's allowance, for the {@code RateLimit-*} headers. */
	RateLimit quota(String ip) {
		int capacity = this.properties.reportsPerIp();
		Bucket bucket = bucket(this.addresses, ip == null ? "unknown" : ip, capacity);
		return new RateLimit(capacity, bucket.getAvailableTokens(), Duration.ofNanos(untilAvailable(bucket, capacity)));
	}

	private static long untilAvailable(Bucket bucket, int tokens) {
		return bucket.estimateAbilityToConsume(tokens).getNanosToWaitForRefill();
	}

	private Bucket bucket(Cache<String, Bucket> cache, String key, int capacity) {
		return cache.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, this.properties.window()).build())
			.build());
	}

}
