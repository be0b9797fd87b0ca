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

		PASSWORD_RESET, EMAIL_CHANGE, EMAIL_VERIFICATION, INVITATION, SSO_DOMAIN;

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

	/** A link that is still good, without using it (the invitation's accept page). */
	Optional<Link> find(Purpose purpose, byte[] hash, Instant now) {
		return this.jdbc.sql("""
				select id, user_id, email::text as email, payload::text as payload, created_by from account_links
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				""")
			.param("hash", hash)
			.param("purpose", purpose.column())
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Link(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("email"), rs.getString("payload"), rs.getObject("created_by", UUID.class)))
			.optional();
	}

	/** An organization's invitations not yet used, revoked or expired, newest first. */
	java.util.List<Invitation> pendingInvitations(UUID orgId, Instant now) {
		return this.jdbc
			.sql("""
					select l.id, l.email::text as email, l.payload ->> 'role' as role, u.name as invited_by, l.created_at,
					    l.expires_at
					from account_links l left join users u on u.id = l.created_by
					where l.purpose = 'invitation' and l.used_at is null and l.payload ->> 'org' = :org and l.expires_at > :now
					order by l.created_at desc, l.id
					""")
			.param("org", orgId.toString())
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Invitation(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("role"), rs.getString("invited_by"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant()))
			.list();
	}

	/** Earlier invitations of the same address to the organization stop working. */
	void retireInvitations(UUID orgId, String email, Instant now) {
		this.jdbc.sql("""
				update account_links set used_at = :now
				where purpose = 'invitation' and used_at is null and payload ->> 'org' = :org and email = :email::citext
				""").param("org", orgId.toString()).param("email", email).param("now", Timestamp.from(now)).update();
	}

	boolean revokeInvitation(UUID orgId, UUID id, Instant now) {
		return this.jdbc.sql("""
				update account_links set used_at = :now
				where id = :id and purpose = 'invitation' and used_at is null and payload ->> 'org' = :org
				""").param("org", orgId.toString()).param("id", id).param("now", Timestamp.from(now)).update() == 1;
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

	/** Links that expired, or were used, before {@code cutoff}. */
	int deleteSpent(Instant cutoff) {
		return this.jdbc.sql("delete from account_links where expires_at < :cutoff or used_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	void deleteFor(UUID userId) {
		this.jdbc.sql("delete from account_links where user_id = :user or created_by = :user")
			.param("user", userId)
			.update();
	}

}
