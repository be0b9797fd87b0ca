package dev.fixpoint.accounts;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Remember this device for 30 days" after a second factor (off unless ticked): the
 * browser keeps {@code <id>.<secret>} in a cookie (256 random bits; only its SHA-256 is
 * stored), so a cookie cannot be forged or moved to another person, and deleting the row
 * revokes it. A remembered device skips the second step, never the password.
 */
@Service
public class RememberedDevices {

	public static final Duration FOR = Duration.ofDays(30);

	static final int LABEL_MAX = 120;

	/** A remembered browser as the security page lists it. */
	public record RememberedDevice(UUID id, String label, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	RememberedDevices(JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Remembers the browser of a sign-in that passed its second step: the cookie's value.
	 */
	@Transactional
	public String remember(UUID userId, String userAgent) {
		UUID id = Ids.newId();
		String secret = Tokens.newSecret();
		Instant now = Times.now(this.clock);
		this.jdbc.sql("""
				insert into remembered_devices (id, user_id, secret_hash, label, created_at, last_used_at, expires_at)
				values (:id, :user, :hash, :label, :now, :now, :expires)
				""")
			.param("id", id)
			.param("user", userId)
			.param("hash", Tokens.hash(secret))
			.param("label", label(userAgent))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(FOR)))
			.update();
		return id + "." + secret;
	}

	/** Whether the cookie is one this person's remembered, unexpired devices holds. */
	@Transactional
	public boolean recognizes(UUID userId, String cookie) {
		Optional<UUID> id = idOf(cookie);
		if (id.isEmpty()) {
			return false;
		}
		Instant now = Times.now(this.clock);
		Optional<byte[]> hash = this.jdbc.sql("""
				select secret_hash from remembered_devices where id = :id and user_id = :user and expires_at > :now
				""")
			.param("id", id.get())
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.query(byte[].class)
			.optional();
		String secret = cookie.substring(cookie.indexOf('.') + 1);
		if (hash.isEmpty() || !MessageDigest.isEqual(hash.get(), Tokens.hash(secret))) {
			return false;
		}
		this.jdbc.sql("update remembered_devices set last_used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id.get())
			.update();
		return true;
	}

	@Transactional(readOnly = true)
	public List<RememberedDevice> list(UUID userId) {
		return this.jdbc.sql("""
				select id, label, created_at, last_used_at, expires_at from remembered_devices
				where user_id = :user and expires_at > :now order by last_used_at desc, id
				""")
			.param("user", userId)
			.param("now", Timestamp.from(Times.now(this.clock)))
			.query(RememberedDevice.class)
			.list();
	}

	@Transactional
	public void forget(UUID userId, UUID deviceId) {
		if (this.jdbc.sql("delete from remembered_devices where id = :id and user_id = :user")
			.param("id", deviceId)
			.param("user", userId)
			.update() == 0) {
			throw NotFoundException.of("Remembered device");
		}
		this.audit.record(AuditEvent.of("account.device_forgotten", userId).target("device", deviceId, null));
	}

	@Transactional
	public int forgetAll(UUID userId) {
		return this.jdbc.sql("delete from remembered_devices where user_id = :user").param("user", userId).update();
	}

	private static Optional<UUID> idOf(String cookie) {
		if (cookie == null || cookie.indexOf('.') < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(cookie.substring(0, cookie.indexOf('.'))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A short name for the browser, from its user agent. */
	static String label(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "Unknown browser";
		}
		String browser = userAgent.contains("Firefox/") ? "Firefox"
				: userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Chrome/") || userAgent.contains("Chromium/")
						? "Chrome" : userAgent.contains("Safari/") ? "Safari" : "Browser";
		String system = userAgent.contains("Android") ? "Android"
				: userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS" : userAgent.contains("Mac OS X")
						? "macOS"
						: userAgent.contains("Windows") ? "Windows" : userAgent.contains("Linux") ? "Linux" : null;
		String label = system == null ? browser : browser + " on " + system;
		return label.length() > LABEL_MAX ? label.substring(0, LABEL_MAX) : label;
	}

}
