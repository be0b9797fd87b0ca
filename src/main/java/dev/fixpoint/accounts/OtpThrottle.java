package dev.fixpoint.accounts;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fixpoint.platform.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing second-factor codes: at most {@value #PER_ACCOUNT} wrong codes per
 * account in a {@link #WINDOW}. Separate from {@link LoginThrottle}: a right password
 * forgives password failures, and must not forgive code failures too (the password is
 * already known to whoever guesses codes).
 */
@Component
class OtpThrottle {

	static final int PER_ACCOUNT = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Cache<UUID, Bucket> accounts = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	void checkAllowed(UUID userId) {
		Bucket bucket = bucket(userId);
		if (bucket.getAvailableTokens() <= 0) {
			throw new RateLimitedException("Too many wrong codes. Try again later.",
					Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
		}
	}

	void failed(UUID userId) {
		bucket(userId).tryConsume(1);
	}

	void succeeded(UUID userId) {
		this.accounts.invalidate(userId);
	}

	private Bucket bucket(UUID userId) {
		return this.accounts.get(userId,
				k -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(PER_ACCOUNT).refillGreedy(PER_ACCOUNT, WINDOW).build())
					.build());
	}

}
