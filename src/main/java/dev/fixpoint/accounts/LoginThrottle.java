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
 * Slows down password guessing: at most {@value #PER_ACCOUNT} failed logins per account
 * and {@value #PER_IP} per client address in a {@link #WINDOW}, refilled gradually. A
 * successful login forgives the account's failures.
 */
@Component
class LoginThrottle {

	static final int PER_ACCOUNT = 5;

	static final int PER_IP = 20;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Cache<String, Bucket> accounts = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	void checkAllowed(String email, String ip) {
		if (bucket(this.accounts, key(email), PER_ACCOUNT).getAvailableTokens() <= 0
				|| bucket(this.addresses, ip, PER_IP).getAvailableTokens() <= 0) {
			throw new RateLimitedException("Too many failed logins. Try again later.", WINDOW.dividedBy(PER_ACCOUNT));
		}
	}

	void failed(String email, String ip) {
		bucket(this.accounts, key(email), PER_ACCOUNT).tryConsume(1);
		bucket(this.addresses, ip, PER_IP).tryConsume(1);
	}

	void succeeded(String email) {
		this.accounts.invalidate(key(email));
	}

	private static String key(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	private static Bucket bucket(Cache<String, Bucket> cache, String key, int capacity) {
		return cache.get(key,
				k -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
					.build());
	}

}
