package dev.fixpoint.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links sent by email, stored as SHA-256 of their secret: consuming one marks
 * it used in the same statement, so two clicks never both succeed.
 */
@Repository
class AccountLinkRepository {

	enum Purpose {

		PASSWORD_RESET, EMAIL_CHANGE, EMAIL_VERIFICATION, INVITATION;

		String column() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	record Link(UUID id, UUID userId, String email, String payload, UUID createdBy) {
	}

	private final JdbcClient jdbc;

	AccountLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, Purpose purpose, byte[] hash, UUID userId, String email, String payload, UUID createdBy,
			Instant now, Instant expiresAt) {
		this.jdbc
			.sql("""
					insert into account_links (id, purpose, token_hash, user_id, email, payload, created_by, created_at, expires_at)
					values (:id, :purpose, :hash, :user, :email, cast(:payload as jsonb), :createdBy, :now, :expires)
					""")
			.param("id", id)
			.param("purpose", purpose.column())
			.param("hash", hash)
			.param("user", userId)
			.param("email", email)
			.param("payload", payload == null ? "{}" : payload)
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	Optional<Link> consume(Purpose purpose, byte[] hash, Instant now) {
		return this.jdbc.sql("""
				update account_links set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning id, user_id, email::text as email, payload::text as payload, created_by
				""")
			.param("hash", hash)
			.param("purpose", purpose.column())
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("email"), rs.getString("payload"), rs.getObject("created_by", UUID.class)))
			.optional();
	}

	/**
	 * Whether a link is still good, without using it (the page that asks for a password).
	 */
	boolean usable(Purpose purpose, byte[] hash, Instant now) {
		return this.jdbc
			.sql("""
					select exists (select 1 from account_links
					               where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now)
					""")
			.param("hash", hash)
			.param("purpose", purpose.column())
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	/** Earlier unused links of the same purpose stop working when a new one is sent. */
	void retire(UUID userId, Purpose purpose, Instant now) {
		this.jdbc.sql("""
				update account_links set used_at = :now where user_id = :user and purpose = :purpose and used_at is null
				""")
			.param("user", userId)
			.param("purpose", purpose.column())
			.param("now", Timestamp.from(now))
			.update();
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from account_links where expires_at < :cutoff")
			.param("cutoff", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
			.update();
	}

	void deleteFor(UUID userId) {
		this.jdbc.sql("delete from account_links where user_id = :user or created_by = :user")
			.param("user", userId)
			.update();
	}

}
