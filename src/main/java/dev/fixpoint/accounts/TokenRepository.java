package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

	record TokenOwner(UUID tokenId, UUID userId, String email, String username, String name, Instant lastUsedAt,
			boolean readOnly, Instant expiresAt) {

		boolean validAt(Instant now) {
			return this.expiresAt == null || this.expiresAt.isAfter(now);
		}

		TokenOwner usedAt(Instant at) {
			return new TokenOwner(this.tokenId, this.userId, this.email, this.username, this.name, at, this.readOnly,
					this.expiresAt);
		}

	}

	private final JdbcClient jdbc;

	private final AccountMemory memory;

	TokenRepository(JdbcClient jdbc, AccountMemory memory) {
		this.jdbc = jdbc;
		this.memory = memory;
	}

	void insert(UUID id, UUID userId, String name, String kind, byte[] hash, String prefix, Instant expiresAt) {
		insert(id, userId, name, kind, hash, prefix, expiresAt, false);
	}

	void insert(UUID id, UUID userId, String name, String kind, byte[] hash, String prefix, Instant expiresAt,
			boolean readOnly) {
		this.jdbc.sql("""
				insert into api_tokens (id, user_id, name, kind, token_hash, token_prefix, expires_at, read_only)
				values (:id, :userId, :name, :kind, :hash, :prefix, :expiresAt, :readOnly)
				""")
			.param("readOnly", readOnly)
			.param("id", id)
			.param("userId", userId)
			.param("name", name)
			.param("kind", kind)
			.param("hash", hash)
			.param("prefix", prefix)
			.param("expiresAt", expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
			.update();
	}

	/** The owner of the token, if it has not expired at {@code now}. */
	Optional<TokenOwner> findValid(byte[] hash, Instant now) {
		return this.jdbc.sql("""
				select t.id as token_id, u.id as user_id, u.email, u.username, u.name, t.last_used_at, t.read_only,
				    t.expires_at
				from api_tokens t join users u on u.id = t.user_id
				where t.token_hash = :hash and (t.expires_at is null or t.expires_at > :now)
				  and u.deactivated_at is null and u.deleted_at is null
				""")
			.param("hash", hash)
			.param("now", java.sql.Timestamp.from(now))
			.query((rs, n) -> new TokenOwner(rs.getObject("token_id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("email"), rs.getString("username"), rs.getString("name"),
					rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
					rs.getBoolean("read_only"),
					rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	void touch(UUID tokenId, Instant at) {
		this.jdbc.sql("update api_tokens set last_used_at = :at where id = :id")
			.param("id", tokenId)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	List<PersonalToken> findPersonal(UUID userId) {
		return this.jdbc.sql("""
				select id, name, token_prefix, created_at, last_used_at, expires_at, read_only
				from api_tokens where user_id = :userId and kind = 'personal' order by created_at
				""").param("userId", userId).query(PersonalToken.class).list();
	}

	int delete(UUID userId, UUID tokenId) {
		this.memory.forget();
		return this.jdbc.sql("delete from api_tokens where id = :id and user_id = :userId")
			.param("id", tokenId)
			.param("userId", userId)
			.update();
	}

	/** Revokes every token of a person but the one with this hash (null: all of them). */
	int deleteAllExcept(UUID userId, byte[] keepHash) {
		this.memory.forget();
		return this.jdbc.sql("""
				delete from api_tokens where user_id = :userId and (cast(:keep as bytea) is null or token_hash <> :keep)
				""").param("userId", userId).param("keep", keepHash).update();
	}

	int deleteExpiredBefore(Instant cutoff) {
		this.memory.forget();
		return this.jdbc.sql("delete from api_tokens where expires_at < :cutoff")
			.param("cutoff", java.sql.Timestamp.from(cutoff))
			.update();
	}

}
