package dev.fixpoint.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code portal_branding}: an organization's accent colour and logo. */
@Repository
class BrandingRepository {

	/** The branding without the logo's bytes. */
	record Row(String accent, String logoHash) {
	}

	private final JdbcClient jdbc;

	BrandingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(UUID orgId) {
		return this.jdbc.sql("select accent, logo_hash from portal_branding where org_id = :org")
			.param("org", orgId)
			.query(Row.class)
			.optional();
	}

	Optional<Logo> logo(UUID orgId) {
		return this.jdbc
			.sql("select logo, logo_type, logo_hash from portal_branding where org_id = :org and logo is not null")
			.param("org", orgId)
			.query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type"), rs.getString("logo_hash")))
			.optional();
	}

	void saveAccent(UUID orgId, String accent, Instant now) {
		this.jdbc.sql("""
				insert into portal_branding (org_id, accent, updated_at) values (:org, :accent, :now)
				on conflict (org_id) do update set accent = excluded.accent, updated_at = excluded.updated_at
				""").param("org", orgId).param("accent", accent).param("now", Timestamp.from(now)).update();
	}

	/** Sets the logo; {@code content} null removes it. */
	void saveLogo(UUID orgId, byte[] content, String type, String hash, Instant now) {
		this.jdbc.sql("""
				insert into portal_branding (org_id, logo, logo_type, logo_hash, updated_at)
				values (:org, :logo, :type, :hash, :now)
				on conflict (org_id) do update set logo = excluded.logo, logo_type = excluded.logo_type,
				    logo_hash = excluded.logo_hash, updated_at = excluded.updated_at
				""")
			.param("org", orgId)
			.param("logo", content)
			.param("type", type)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.update();
	}

}
