package dev.fixpoint.accounts;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fixpoint.platform.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Limits password-reset requests: {@value #PER_ADDRESS} an hour per email address (more
 * are answered the same but send nothing, so the answer tells nothing) and
 * {@value #PER_CLIENT} an hour per client address (429). Per node, like the login
 * throttle.
 */
@Component
class ResetThrottle {

	static final int PER_ADDRESS = 3;

	static final int PER_CLIENT = 20;

	static final Duration WINDOW = Duration.ofHours(1);

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	/** False when this address had its emails for the hour; 429 for a busy client. */
	boolean mayEmail(String email, String clientIp) {
		Bucket client = bucket("ip:" + clientIp, PER_CLIENT);
		if (!client.tryConsume(1)) {
			throw new RateLimitedException("Too many password reset requests. Try again later.",
					Duration.ofNanos(client.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
		}
		return bucket("email:" + email.trim().toLowerCase(Locale.ROOT), PER_ADDRESS).tryConsume(1);
	}

	private Bucket bucket(String key, int capacity) {
		return this.buckets.get(key,
				k -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
					.build());
	}

}
