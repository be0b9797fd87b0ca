package dev.fixpoint.accounts;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fixpoint.platform.RateLimit;
import dev.fixpoint.platform.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: at most {@value #PER_ACCOUNT} failed logins per account
 * and {@code FIXPOINT_LOGIN_FAILURES_PER_ADDRESS} (default {@value #PER_IP}) per client
 * address in a {@link #WINDOW}, refilled gradually. A successful login forgives the
 * account's failures. The client address is the TCP peer's, or the one a trusted proxy
 * forwarded (see {@code platform.web.ClientAddress}): a client cannot pick its own.
 */
@Component
class LoginThrottle {

	static final int PER_ACCOUNT = 5;

	static final int PER_IP = 20;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final int perAddress;

	LoginThrottle(@Value("${fixpoint.login.failures-per-address:" + PER_IP + "}") int perAddress) {
		this.perAddress = perAddress;
	}

	private final Cache<String, Bucket> accounts = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	void checkAllowed(String email, String ip) {
		Bucket account = bucket(this.accounts, key(email), PER_ACCOUNT);
		Bucket address = bucket(this.addresses, ip, this.perAddress);
		if (account.getAvailableTokens() <= 0 || address.getAvailableTokens() <= 0) {
			Duration wait = Duration.ofNanos(Math.max(untilAvailable(account, 1), untilAvailable(address, 1)));
			throw new RateLimitedException("Too many failed logins. Try again later.", wait);
		}
	}

	/** The tighter of the account's and the address's allowance. */
	RateLimit quota(String email, String ip) {
		return quota(bucket(this.accounts, key(email), PER_ACCOUNT), PER_ACCOUNT)
			.tighter(quota(bucket(this.addresses, ip, this.perAddress), this.perAddress));
	}

	private static RateLimit quota(Bucket bucket, int capacity) {
		return new RateLimit(capacity, bucket.getAvailableTokens(), Duration.ofNanos(untilAvailable(bucket, capacity)));
	}

	private static long untilAvailable(Bucket bucket, int tokens) {
		return bucket.estimateAbilityToConsume(tokens).getNanosToWaitForRefill();
	}

	void failed(String email, String ip) {
		bucket(this.accounts, key(email), PER_ACCOUNT).tryConsume(1);
		bucket(this.addresses, ip, this.perAddress).tryConsume(1);
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
