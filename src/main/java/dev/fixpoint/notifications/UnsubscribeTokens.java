package dev.fixpoint.notifications;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.Hmacs;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links: {@code <user id>.<event type>.<HMAC-SHA256>} with a secret
 * kept in the database, so every node makes and accepts the same links and they survive
 * restarts. They never expire: an old email's link must keep working.
 */
@Component
class UnsubscribeTokens {

	/**
	 * Who unsubscribes from what: one event type, or every email ({@code kind} empty).
	 */
	record Subject(UUID userId, Optional<NotificationKind> kind, Optional<UUID> weeklyProject) {

		Subject(UUID userId, Optional<NotificationKind> kind) {
			this(userId, kind, Optional.empty());
		}

	}

	static final String ALL = "all";

	/** The subject of a weekly analytics email: {@code weekly_<project id>}. */
	static final String WEEKLY = "weekly_";

	/** A token for the weekly analytics email of one project. */
	String signWeekly(UUID userId, UUID projectId) {
		String payload = userId + "." + WEEKLY + projectId;
		return payload + "." + mac(payload);
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile byte[] secret;

	UnsubscribeTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A token for one event type, or for every email ({@code kind} null). */
	String sign(UUID userId, NotificationKind kind) {
		String payload = userId + "." + (kind == null ? ALL : kind.key());
		return payload + "." + mac(payload);
	}

	Optional<Subject> verify(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 3) {
			return Optional.empty();
		}
		String payload = parts[0] + "." + parts[1];
		boolean valid = Hmacs.equalsConstantTime(mac(payload), parts[2]);
		Optional<UUID> user = Ids.parse(parts[0]);
		Optional<NotificationKind> kind = NotificationKind.parse(parts[1]);
		Optional<UUID> weekly = parts[1].startsWith(WEEKLY) ? Ids.parse(parts[1].substring(WEEKLY.length()))
				: Optional.empty();
		if (valid && user.isPresent() && weekly.isPresent()) {
			return Optional.of(new Subject(user.get(), Optional.empty(), weekly));
		}
		if (!valid || user.isEmpty() || (kind.isEmpty() && !ALL.equals(parts[1]))) {
			return Optional.empty();
		}
		return Optional.of(new Subject(user.get(), kind));
	}

	private String mac(String payload) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(Hmacs.sha256(secret(), payload.getBytes(StandardCharsets.UTF_8)));
	}

	private byte[] secret() {
		byte[] current = this.secret;
		if (current == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// the first node to ask creates it; everyone reads the one that won
			this.jdbc.sql("""
					insert into notification_secrets (name, secret, created_at) values ('unsubscribe', :secret, :now)
					on conflict (name) do nothing
					""").param("secret", fresh).param("now", java.sql.Timestamp.from(Times.now(this.clock))).update();
			current = this.jdbc.sql("select secret from notification_secrets where name = 'unsubscribe'")
				.query(byte[].class)
				.single();
			this.secret = current;
		}
		return current;
	}

}
