package dev.fixpoint.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.fixpoint.platform.RateLimit;
import dev.fixpoint.platform.RateLimitedException;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Floods: at most {@code reportsPerIp} reports, tracking-page messages and status
 * subscriptions per client address, and {@code reportsPerEmail} reports and subscriptions
 * per email address, in a window, refilled gradually (429 with {@code Retry-After}
 * beyond). The buckets are rows of {@code portal_rate_limits}, shared by every node, so
 * the limits hold for the whole installation however many nodes a load balancer spreads
 * the requests over. Each take is its own short transaction (a refused or failing report
 * still counts), the buckets locked in key order.
 */
@Component
class PortalThrottle {

	private final PortalProperties properties;

	private final RateLimitRepository buckets;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	PortalThrottle(PortalProperties properties, RateLimitRepository buckets, PlatformTransactionManager transactions,
			Clock clock) {
		this.properties = properties;
		this.buckets = buckets;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Takes one from the address's (and the email's, when given) allowance, or 429. */
	void take(String ip, String email) {
		Instant now = Times.now(this.clock);
		Bucket address = new Bucket(addressKey(ip), this.properties.reportsPerIp(), this.properties.window());
		Bucket mail = email == null ? null
				: new Bucket(emailKey(email), this.properties.reportsPerEmail(), this.properties.window());
		Duration wait = this.ownTransaction.execute(status -> {
			double[] available = mail == null ? this.buckets.lock(now, address) : this.buckets.lock(now, address, mail);
			if (available[0] < 1 || (mail != null && available[1] < 1)) {
				Duration longest = address.untilAvailable(available[0], 1);
				if (mail != null) {
					Duration forMail = mail.untilAvailable(available[1], 1);
					longest = forMail.compareTo(longest) > 0 ? forMail : longest;
				}
				return longest;
			}
			this.buckets.store(address.key(), available[0] - 1, now);
			if (mail != null) {
				this.buckets.store(mail.key(), available[1] - 1, now);
			}
			return null;
		});
		if (wait != null) {
			throw new RateLimitedException("Too many reports. Please try again later.", wait);
		}
	}

	/**
	 * The address's allowance, for the {@code RateLimit-*} headers (reads, takes
	 * nothing).
	 */
	RateLimit quota(String ip) {
		Bucket address = new Bucket(addressKey(ip), this.properties.reportsPerIp(), this.properties.window());
		double available = this.buckets.available(Times.now(this.clock), address);
		return new RateLimit(address.capacity(), (long) Math.floor(available),
				address.untilAvailable(available, address.capacity()));
	}

	private static String addressKey(String ip) {
		return Tokens.hash("ip:" + (ip == null ? "unknown" : ip));
	}

	private static String emailKey(String email) {
		return Tokens.hash("email:" + email.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * A token bucket: {@code capacity} tokens, refilled at {@code capacity} per
	 * {@code window} (as Bucket4j's greedy refill, which counted per node before).
	 */
	record Bucket(String key, int capacity, Duration window) {

		double refilled(double tokens, Duration elapsed) {
			double perNano = (double) this.capacity / this.window.toNanos();
			return Math.min(this.capacity, tokens + Math.max(0, elapsed.toNanos()) * perNano);
		}

		Duration untilAvailable(double available, int wanted) {
			if (available >= wanted) {
				return Duration.ZERO;
			}
			double perNano = (double) this.capacity / this.window.toNanos();
			return Duration.ofNanos((long) Math.ceil((wanted - available) / perNano));
		}

	}

}
