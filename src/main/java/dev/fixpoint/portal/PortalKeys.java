package dev.fixpoint.portal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's signing key (HMAC-SHA256): one row of {@code portal_secret}, created by
 * the first node that needs it and shared by every node (write-once, so it may be kept in
 * memory). Signs challenges and derives the tokens of tracking and subscription links:
 * {@code HMAC(key, what.id.salt)}, so a link can be written again for each email while
 * the database keeps only the token's hash.
 */
@Component
class PortalKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile byte[] key;

	PortalKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String mac(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(rawMac(text));
	}

	byte[] rawMac(String text) {
		return Hmacs.sha256(key(), text.getBytes(StandardCharsets.UTF_8));
	}

	/** The token of a ticket's tracking link. */
	String trackingToken(String ticket, String salt) {
		return mac("tracking." + ticket + "." + salt);
	}

	/** The token of a status page subscriber's links (confirm, unsubscribe). */
	String subscriberToken(String subscriberId, String salt) {
		return mac("subscriber." + subscriberId + "." + salt);
	}

	/**
	 * The token of the link that stops every ticket's emails to an address:
	 * {@code base64url(address).HMAC(key, reporter.address)}, so it needs no row.
	 */
	String reporterToken(String address) {
		String lower = address.strip().toLowerCase(java.util.Locale.ROOT);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(lower.getBytes(StandardCharsets.UTF_8)) + "."
				+ mac("reporter." + lower);
	}

	/** The address a {@link #reporterToken} was made for, if its signature holds. */
	java.util.Optional<String> reporterOf(String token) {
		if (token == null || token.length() > 600 || token.indexOf('.') < 0) {
			return java.util.Optional.empty();
		}
		String[] parts = token.split("\\.", 2);
		String address;
		try {
			address = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
		return Hmacs.equalsConstantTime(mac("reporter." + address), parts[1]) ? java.util.Optional.of(address)
				: java.util.Optional.empty();
	}

	private byte[] key() {
		byte[] k = this.key;
		if (k == null) {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			this.jdbc.sql("""
					insert into portal_secret (id, secret, created_at) values (1, :secret, :now)
					on conflict (id) do nothing
					""").param("secret", fresh).param("now", Timestamp.from(Times.now(this.clock))).update();
			k = this.jdbc.sql("select secret from portal_secret where id = 1").query(byte[].class).single();
			this.key = k;
		}
		return k;
	}

}
