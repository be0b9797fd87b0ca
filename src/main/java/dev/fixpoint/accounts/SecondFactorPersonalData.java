package dev.fixpoint.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's ways of proving who they are beyond the password, for their data export
 * (never a secret: whether TOTP is on and how many recovery codes are left, passkeys'
 * names and dates, remembered browsers, single sign-on identities) and for deleting the
 * account: the account's row stays as "Deleted user N", so nothing cascades and every row
 * goes here (the passkey identity holds the email and name).
 */
@Component
@Order(1)
class SecondFactorPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	SecondFactorPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "second-factors";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		this.jdbc
			.sql("""
					select t.confirmed_at,
					       (select count(*) from recovery_codes r where r.user_id = t.user_id and r.used_at is null) as codes_left
					from user_totp t where t.user_id = :user and t.confirmed_at is not null
					""")
			.param("user", userId)
			.query((rs, n) -> {
				Map<String, Object> totp = new LinkedHashMap<>();
				totp.put("kind", "authenticator app (TOTP)");
				totp.put("turned_on_at", instant(rs.getTimestamp("confirmed_at")));
				totp.put("recovery_codes_left", rs.getInt("codes_left"));
				return totp;
			})
			.list()
			.forEach(item);
		this.jdbc.sql("""
				select label, created_at, last_used_at from passkeys where user_id = :user order by created_at, label
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> passkey = new LinkedHashMap<>();
			passkey.put("kind", "passkey");
			passkey.put("label", rs.getString("label"));
			passkey.put("created_at", instant(rs.getTimestamp("created_at")));
			passkey.put("last_used_at", instant(rs.getTimestamp("last_used_at")));
			return passkey;
		}).list().forEach(item);
		this.jdbc.sql("""
				select label, created_at, last_used_at, expires_at from remembered_devices where user_id = :user
				order by created_at, id
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> device = new LinkedHashMap<>();
			device.put("kind", "remembered device");
			device.put("label", rs.getString("label"));
			device.put("created_at", instant(rs.getTimestamp("created_at")));
			device.put("last_used_at", instant(rs.getTimestamp("last_used_at")));
			device.put("expires_at", instant(rs.getTimestamp("expires_at")));
			return device;
		}).list().forEach(item);
		this.jdbc
			.sql("""
					select p.name, i.subject, i.created_at from sso_identities i join sso_providers p on p.id = i.provider_id
					where i.user_id = :user order by i.created_at, p.name
					""")
			.param("user", userId)
			.query((rs, n) -> {
				Map<String, Object> identity = new LinkedHashMap<>();
				identity.put("kind", "single sign-on identity");
				identity.put("provider", rs.getString("name"));
				identity.put("subject", rs.getString("subject"));
				identity.put("linked_at", instant(rs.getTimestamp("created_at")));
				return identity;
			})
			.list()
			.forEach(item);
	}

	@Override
	public void erase(Erasure erasure) {
		for (String table : new String[] { "recovery_codes", "user_totp", "passkeys", "passkey_users",
				"remembered_devices", "sso_identities" }) {
			this.jdbc.sql("delete from " + table + " where user_id = :user").param("user", erasure.userId()).update();
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
