package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code user_totp}, {@code recovery_codes} and organizations' 2FA rule. */
@Repository
class SecondFactorRepository {

	record TotpRow(byte[] sealedSecret, Instant confirmedAt) {

		boolean confirmed() {
			return this.confirmedAt != null;
		}

	}

	private final JdbcClient jdbc;

	SecondFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TotpRow> findTotp(UUID userId) {
		return this.jdbc.sql("select sealed_secret, confirmed_at from user_totp where user_id = :user")
			.param("user", userId)
			.query(TotpRow.class)
			.optional();
	}

	boolean totpConfirmed(UUID userId) {
		return this.jdbc
			.sql("select exists (select 1 from user_totp where user_id = :user and confirmed_at is not null)")
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A new, unconfirmed seed; replaces an earlier unconfirmed one, never a confirmed
	 * one.
	 */
	boolean startTotp(UUID userId, byte[] sealedSecret, Instant now) {
		return this.jdbc
			.sql("""
					insert into user_totp (user_id, sealed_secret, created_at) values (:user, :secret, :now)
					on conflict (user_id) do update set sealed_secret = excluded.sealed_secret, created_at = excluded.created_at,
					    last_used_step = null
					where user_totp.confirmed_at is null
					""")
			.param("user", userId)
			.param("secret", sealedSecret)
			.param("now", java.sql.Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Records that a code of this step was accepted; false when one of this step or a
	 * later one already was (a replayed code).
	 */
	boolean useStep(UUID userId, long step) {
		return this.jdbc.sql("""
				update user_totp set last_used_step = :step
				where user_id = :user and (last_used_step is null or last_used_step < :step)
				""").param("user", userId).param("step", step).update() == 1;
	}

	void confirmTotp(UUID userId, Instant now) {
		this.jdbc.sql("update user_totp set confirmed_at = :now where user_id = :user")
			.param("user", userId)
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	void deleteTotp(UUID userId) {
		this.jdbc.sql("delete from user_totp where user_id = :user").param("user", userId).update();
		this.jdbc.sql("delete from recovery_codes where user_id = :user").param("user", userId).update();
	}

	void replaceRecoveryCodes(UUID userId, List<byte[]> hashes) {
		this.jdbc.sql("delete from recovery_codes where user_id = :user").param("user", userId).update();
		for (byte[] hash : hashes) {
			this.jdbc.sql("insert into recovery_codes (user_id, code_hash) values (:user, :hash)")
				.param("user", userId)
				.param("hash", hash)
				.update();
		}
	}

	/** Marks an unused recovery code used; false when there is none with this hash. */
	boolean useRecoveryCode(UUID userId, byte[] hash, Instant now) {
		return this.jdbc.sql("""
				update recovery_codes set used_at = :now
				where user_id = :user and code_hash = :hash and used_at is null
				""").param("user", userId).param("hash", hash).param("now", java.sql.Timestamp.from(now)).update() == 1;
	}

	int recoveryCodesLeft(UUID userId) {
		return this.jdbc.sql("select count(*) from recovery_codes where user_id = :user and used_at is null")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	/** The organizations of this person that require a second factor, by name. */
	List<String> organizationsRequiring(UUID userId) {
		return this.jdbc.sql("""
				select o.name from organization_members m join organizations o on o.id = m.org_id
				where m.user_id = :user and o.require_two_factor order by o.name
				""").param("user", userId).query(String.class).list();
	}

	boolean organizationRequires(UUID orgId) {
		return this.jdbc.sql("select require_two_factor from organizations where id = :org")
			.param("org", orgId)
			.query(Boolean.class)
			.single();
	}

	void setOrganizationRequires(UUID orgId, boolean required) {
		this.jdbc.sql("update organizations set require_two_factor = :required where id = :org")
			.param("org", orgId)
			.param("required", required)
			.update();
	}

}
