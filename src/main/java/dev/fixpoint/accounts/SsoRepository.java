package dev.fixpoint.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code sso_providers}, {@code sso_identities} and organizations' SSO rule.
 */
@Repository
class SsoRepository {

	record ProviderRow(UUID id, UUID orgId, String name, String issuer, String clientId, byte[] sealedSecret,
			List<String> allowedDomains, boolean provisioning, String defaultRole, Instant updatedAt) {
	}

	/**
	 * Where an email domain signs in: its organization's provider, and whether only
	 * there.
	 */
	record DomainRoute(UUID providerId, String name, boolean required) {
	}

	private static final String COLUMNS = """
			id, org_id, name, issuer, client_id, sealed_secret, allowed_domains, provisioning, default_role, updated_at
			""";

	private final JdbcClient jdbc;

	SsoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ProviderRow> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from sso_providers where id = :id")
			.param("id", id)
			.query(SsoRepository::row)
			.optional();
	}

	/** The provider of an organization, or the instance's when {@code orgId} is null. */
	Optional<ProviderRow> findFor(UUID orgId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sso_providers where org_id is not distinct from cast(:org as uuid)")
			.param("org", orgId, java.sql.Types.OTHER)
			.query(SsoRepository::row)
			.optional();
	}

	List<ProviderRow> all() {
		return this.jdbc.sql("select " + COLUMNS + " from sso_providers order by org_id nulls first, name")
			.query(SsoRepository::row)
			.list();
	}

	void save(UUID orgId, String name, String issuer, String clientId, byte[] sealedSecret, List<String> domains,
			boolean provisioning, String defaultRole, Instant now) {
		int updated = this.jdbc.sql("""
				update sso_providers set name = :name, issuer = :issuer, client_id = :client,
				    sealed_secret = coalesce(:secret, sealed_secret), allowed_domains = :domains,
				    provisioning = :provisioning, default_role = :role, updated_at = :now
				where org_id is not distinct from cast(:org as uuid)
				""")
			.param("org", orgId, java.sql.Types.OTHER)
			.param("name", name)
			.param("issuer", issuer)
			.param("client", clientId)
			.param("secret", sealedSecret, java.sql.Types.BINARY)
			.param("domains", domains.toArray(String[]::new))
			.param("provisioning", provisioning)
			.param("role", defaultRole)
			.param("now", Timestamp.from(now))
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("""
						insert into sso_providers (id, org_id, name, issuer, client_id, sealed_secret, allowed_domains,
						    provisioning, default_role, created_at, updated_at)
						values (:id, cast(:org as uuid), :name, :issuer, :client, :secret, :domains, :provisioning, :role, :now, :now)
						""")
				.param("id", dev.fixpoint.platform.Ids.newId())
				.param("org", orgId, java.sql.Types.OTHER)
				.param("name", name)
				.param("issuer", issuer)
				.param("client", clientId)
				.param("secret", sealedSecret)
				.param("domains", domains.toArray(String[]::new))
				.param("provisioning", provisioning)
				.param("role", defaultRole)
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	boolean delete(UUID orgId) {
		return this.jdbc.sql("delete from sso_providers where org_id is not distinct from cast(:org as uuid)")
			.param("org", orgId, java.sql.Types.OTHER)
			.update() == 1;
	}

	Optional<UUID> identity(UUID providerId, String subject) {
		return this.jdbc.sql("select user_id from sso_identities where provider_id = :provider and subject = :subject")
			.param("provider", providerId)
			.param("subject", subject)
			.query(UUID.class)
			.optional();
	}

	void link(UUID providerId, String subject, UUID userId) {
		this.jdbc.sql("""
				insert into sso_identities (provider_id, subject, user_id) values (:provider, :subject, :user)
				on conflict (provider_id, subject) do nothing
				""").param("provider", providerId).param("subject", subject).param("user", userId).update();
	}

	boolean required(UUID orgId) {
		return this.jdbc.sql("select require_sso from organizations where id = :org")
			.param("org", orgId)
			.query(Boolean.class)
			.single();
	}

	void setRequired(UUID orgId, boolean required) {
		this.jdbc.sql("update organizations set require_sso = :required where id = :org")
			.param("org", orgId)
			.param("required", required)
			.update();
	}

	/**
	 * The provider an email domain signs in with, if an organization claimed it and the
	 * claim is verified.
	 */
	Optional<DomainRoute> routeOf(String domain) {
		return this.jdbc.sql("""
				select p.id as provider_id, p.name, coalesce(o.require_sso, false) as required
				from sso_email_domains d join sso_providers p on p.id = d.provider_id
				left join organizations o on o.id = p.org_id
				where d.domain = :domain and d.verified_at is not null
				""").param("domain", domain).query(DomainRoute.class).optional();
	}

	List<String> emailDomains(UUID providerId) {
		return this.jdbc.sql("select domain from sso_email_domains where provider_id = :provider order by domain")
			.param("provider", providerId)
			.query(String.class)
			.list();
	}

	/** Which of {@code domains} another provider already routes (a verified claim). */
	List<String> emailDomainsOfOthers(UUID providerId, List<String> domains) {
		return this.jdbc.sql("""
				select domain from sso_email_domains
				where domain = any(cast(:domains as text[])) and verified_at is not null
				    and provider_id is distinct from cast(:provider as uuid)
				order by domain
				""")
			.param("domains", domains.toArray(String[]::new))
			.param("provider", providerId, java.sql.Types.OTHER)
			.query(String.class)
			.list();
	}

	/** A claimed domain and whether it is verified (routed). */
	record DomainClaim(String domain, Instant verifiedAt) {
	}

	List<DomainClaim> domainClaims(UUID providerId) {
		return this.jdbc.sql("""
				select domain, verified_at from sso_email_domains where provider_id = :provider order by domain
				""").param("provider", providerId).query(DomainClaim.class).list();
	}

	/**
	 * The provider's claims become {@code domains}: the others are dropped, new ones wait
	 * for verification, kept ones keep their state.
	 */
	void setEmailDomains(UUID providerId, List<String> domains) {
		this.jdbc.sql("""
				delete from sso_email_domains where provider_id = :provider and domain <> all(cast(:domains as text[]))
				""").param("provider", providerId).param("domains", domains.toArray(String[]::new)).update();
		this.jdbc
			.sql("""
					insert into sso_email_domains (domain, provider_id) select d, :provider from unnest(cast(:domains as text[])) d
					on conflict do nothing
					""")
			.param("provider", providerId)
			.param("domains", domains.toArray(String[]::new))
			.update();
	}

	/** The providers of this person's organizations that refuse password sign-in. */
	List<SingleSignOn.Button> providersRequiredOf(UUID userId) {
		return this.jdbc.sql("""
				select p.id, p.name from organization_members m join organizations o on o.id = m.org_id
				join sso_providers p on p.org_id = o.id
				where m.user_id = :user and o.require_sso order by o.name
				""").param("user", userId).query(SingleSignOn.Button.class).list();
	}

	/** The organizations of this person that refuse password sign-in, by name. */
	List<String> requiringSso(UUID userId) {
		return this.jdbc.sql("""
				select o.name from organization_members m join organizations o on o.id = m.org_id
				where m.user_id = :user and o.require_sso order by o.name
				""").param("user", userId).query(String.class).list();
	}

	private static ProviderRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Array domains = rs.getArray("allowed_domains");
		return new ProviderRow(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("name"),
				rs.getString("issuer"), rs.getString("client_id"), rs.getBytes("sealed_secret"),
				domains == null ? List.of() : List.of((String[]) domains.getArray()), rs.getBoolean("provisioning"),
				rs.getString("default_role"), rs.getTimestamp("updated_at").toInstant());
	}

	/**
	 * Verifies a pending claim, unless another organization's claim of the domain is
	 * verified already.
	 * @return whether the claim is now verified
	 */
	boolean verify(UUID providerId, String domain, UUID verifiedBy, Instant now) {
		return this.jdbc
			.sql("""
					update sso_email_domains set verified_at = :now, verified_by = :by
					where provider_id = :provider and domain = :domain and verified_at is null
					  and not exists (select 1 from sso_email_domains o where o.domain = :domain and o.verified_at is not null)
					""")
			.param("provider", providerId)
			.param("domain", domain)
			.param("by", verifiedBy)
			.param("now", java.sql.Timestamp.from(now))
			.update() == 1;
	}

	Optional<UUID> organizationOf(UUID providerId) {
		return this.jdbc.sql("select org_id from sso_providers where id = :id and org_id is not null")
			.param("id", providerId)
			.query(UUID.class)
			.optional();
	}

}
