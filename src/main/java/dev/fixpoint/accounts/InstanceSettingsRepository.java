package dev.fixpoint.accounts;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InstanceSettingsRepository {

	record Row(InstanceSettings.SiteSettings settings, byte[] smtpPassword) {
	}

	private final JdbcClient jdbc;

	InstanceSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Row find() {
		return this.jdbc
			.sql("""
					select coalesce(s.instance_name, 'Fixpoint') as instance_name, coalesce(s.signup_mode, 'open') as signup_mode,
					    coalesce(s.allowed_email_domains, '') as allowed_email_domains,
					    coalesce(s.require_verified_email, false) as require_verified_email,
					    coalesce(s.smtp_host, '') as smtp_host, coalesce(s.smtp_port, 587) as smtp_port,
					    coalesce(s.smtp_username, '') as smtp_username, s.smtp_password,
					    coalesce(s.smtp_tls, 'starttls') as smtp_tls, coalesce(s.smtp_from, '') as smtp_from
					from (select 1 as one) defaults left join instance_settings s on true
					""")
			.query((rs, n) -> new Row(new InstanceSettings.SiteSettings(rs.getString("instance_name"),
					rs.getString("signup_mode"), InstanceSettings.parseDomains(rs.getString("allowed_email_domains")),
					rs.getBoolean("require_verified_email"), rs.getString("smtp_host"), rs.getInt("smtp_port"),
					rs.getString("smtp_username"), rs.getBytes("smtp_password") != null, rs.getString("smtp_tls"),
					rs.getString("smtp_from")), rs.getBytes("smtp_password")))
			.single();
	}

	void update(InstanceSettings.SiteSettings s, byte[] password, boolean passwordChanged) {
		this.jdbc
			.sql("""
					insert into instance_settings as s (id, instance_name, signup_mode, allowed_email_domains,
					    require_verified_email, smtp_host, smtp_port, smtp_username, smtp_password, smtp_tls, smtp_from, updated_at)
					values (1, :name, :mode, :domains, :verified, :host, :port, :username, cast(:password as bytea), :tls, :from, now())
					on conflict (id) do update set instance_name = excluded.instance_name, signup_mode = excluded.signup_mode,
					    allowed_email_domains = excluded.allowed_email_domains,
					    require_verified_email = excluded.require_verified_email, smtp_host = excluded.smtp_host,
					    smtp_port = excluded.smtp_port, smtp_username = excluded.smtp_username,
					    smtp_password = case when :passwordChanged then excluded.smtp_password else s.smtp_password end,
					    smtp_tls = excluded.smtp_tls, smtp_from = excluded.smtp_from, updated_at = now()
					""")
			.param("name", s.instanceName())
			.param("mode", s.signupMode())
			.param("domains", String.join(",", s.allowedEmailDomains()))
			.param("verified", s.requireVerifiedEmail())
			.param("host", s.smtpHost())
			.param("port", s.smtpPort())
			.param("username", s.smtpUsername())
			.param("passwordChanged", passwordChanged)
			.param("password", password)
			.param("tls", s.smtpTls())
			.param("from", s.smtpFrom())
			.update();
	}

	boolean emailVerified(UUID userId) {
		return this.jdbc.sql("select email_verified_at is not null from users where id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
