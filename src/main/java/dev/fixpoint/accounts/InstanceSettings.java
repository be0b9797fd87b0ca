package dev.fixpoint.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.SecretBox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation's settings a site admin changes at runtime: its name, who may sign up
 * (open, invite only, closed; allowed email domains), whether joining a project needs a
 * verified address, and the SMTP server (overrides {@code FIXPOINT_SMTP_*} when a host is
 * set; the password sealed by {@link SecretBox}, never shown again). Every change is
 * audited, without the password.
 */
@Service
public class InstanceSettings {

	static final String SMTP_PASSWORD = "smtp-password";

	static final Set<String> SIGNUP_MODES = Set.of("open", "invite_only", "closed");

	static final Set<String> TLS = Set.of("starttls", "ssl", "none");

	private final InstanceSettingsRepository settings;

	private final SiteAdmin admins;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	InstanceSettings(InstanceSettingsRepository settings, SiteAdmin admins, SecretBox secrets, AuditLog audit,
			ApplicationEventPublisher events) {
		this.events = events;
		this.settings = settings;
		this.admins = admins;
		this.secrets = secrets;
		this.audit = audit;
	}

	/** The settings as a site admin sees them (the SMTP password only as set or not). */
	public record SiteSettings(String instanceName, String signupMode, List<String> allowedEmailDomains,
			boolean requireVerifiedEmail, String smtpHost, int smtpPort, String smtpUsername, boolean smtpPasswordSet,
			String smtpTls, String smtpFrom) {

		public boolean smtpConfigured() {
			return !this.smtpHost.isBlank();
		}

	}

	/**
	 * A change: null fields stay as they are; {@code smtpPassword} "" clears it.
	 */
	public record SiteSettingsChange(String instanceName, String signupMode, List<String> allowedEmailDomains,
			Boolean requireVerifiedEmail, String smtpHost, Integer smtpPort, String smtpUsername, String smtpPassword,
			String smtpTls, String smtpFrom) {
	}

	/** The SMTP server set on the settings page, password opened, for sending. */
	public record SmtpServer(String host, int port, String username, String password, String tls, String from) {

		@Override
		public String toString() {
			return "SmtpServer[" + this.host + ":" + this.port + ", " + this.tls + "]";
		}

	}

	@Transactional(readOnly = true)
	public SiteSettings current() {
		return this.settings.find().settings();
	}

	@Transactional(readOnly = true)
	public SiteSettings forAdmin(CurrentUser admin) {
		this.admins.require(admin);
		return current();
	}

	/** The SMTP server of the settings page, when one is set. */
	@Transactional(readOnly = true)
	public Optional<SmtpServer> smtp() {
		InstanceSettingsRepository.Row row = this.settings.find();
		if (row.settings().smtpHost().isBlank()) {
			return Optional.empty();
		}
		String password = row.smtpPassword() == null ? "" : this.secrets.open(SMTP_PASSWORD, row.smtpPassword());
		SiteSettings s = row.settings();
		return Optional.of(new SmtpServer(s.smtpHost(), s.smtpPort(), s.smtpUsername(), password, s.smtpTls(),
				s.smtpFrom().isBlank() ? s.instanceName() + " <fixpoint@" + s.smtpHost() + ">" : s.smtpFrom()));
	}

	@Transactional
	public SiteSettings update(CurrentUser admin, SiteSettingsChange changes) {
		this.admins.require(admin);
		SiteSettings before = current();
		SiteSettings after = merge(before, changes);
		byte[] password = null;
		boolean passwordChanged = changes.smtpPassword() != null && !changes.smtpPassword().isEmpty();
		boolean passwordCleared = changes.smtpPassword() != null && changes.smtpPassword().isEmpty()
				&& before.smtpPasswordSet();
		if (passwordChanged) {
			password = this.secrets.seal(SMTP_PASSWORD, changes.smtpPassword());
		}
		this.settings.update(after, password, passwordChanged || passwordCleared);
		SiteSettings saved = current();
		Map<String, Object> old = new LinkedHashMap<>();
		Map<String, Object> now = new LinkedHashMap<>();
		diff(before, saved, old, now);
		if (passwordChanged || passwordCleared) {
			// what happened to the password, under a name the audit's secret guard lets
			// through
			old.put("smtp_password_state", before.smtpPasswordSet() ? "set" : "not set");
			now.put("smtp_password_state", passwordChanged ? "changed" : "not set");
		}
		this.events.publishEvent(new InstanceSettingsChanged());
		if (!now.isEmpty()) {
			this.audit.record(AuditEvent.of("admin.settings_changed", admin.id())
				.target("instance", "settings", saved.instanceName())
				.change(old, now));
		}
		return saved;
	}

	/**
	 * Whether a new account with this address may sign up by itself (not through an
	 * invitation): 403 when sign-up is closed or invite only, 400 for a domain not
	 * allowed.
	 */
	@Transactional(readOnly = true)
	public void checkSignup(String email) {
		SiteSettings s = current();
		signupClosed(s).ifPresent(reason -> {
			throw ForbiddenException.because(reason);
		});
		if (!s.allowedEmailDomains().isEmpty() && !domainAllowed(s.allowedEmailDomains(), email)) {
			throw InvalidInputException.of("email",
					"must be an address at " + String.join(", ", s.allowedEmailDomains()));
		}
	}

	/**
	 * Why nobody can sign up by themselves now, if they cannot (the sign-up page says
	 * it).
	 */
	@Transactional(readOnly = true)
	public Optional<String> signupClosedReason() {
		return signupClosed(current());
	}

	private static Optional<String> signupClosed(SiteSettings s) {
		return switch (s.signupMode()) {
			case "open" -> Optional.empty();
			case "invite_only" -> Optional.of("Sign-up is by invitation only: ask an organization admin to invite you");
			default -> Optional.of("Sign-up is closed on this installation");
		};
	}

	/**
	 * Refuses (403) someone whose address is not verified yet, when the installation asks
	 * for verified addresses before joining projects and organizations.
	 */
	@Transactional(readOnly = true)
	public void checkMayJoin(UUID userId) {
		if (current().requireVerifiedEmail() && !this.settings.emailVerified(userId)) {
			throw ForbiddenException
				.because("This person has not verified their email address yet: they need to follow the link we sent");
		}
	}

	static boolean domainAllowed(List<String> domains, String email) {
		int at = email == null ? -1 : email.lastIndexOf('@');
		if (at < 0) {
			return false;
		}
		String domain = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
		return domains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
	}

	/** Domains from a text of them separated by commas or spaces (the settings form). */
	public static List<String> parseDomains(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\s]+"))
			.map(d -> d.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", ""))
			.filter(d -> !d.isEmpty())
			.distinct()
			.toList();
	}

	private static SiteSettings merge(SiteSettings s, SiteSettingsChange c) {
		List<FieldError> errors = new ArrayList<>();
		String name = c.instanceName() == null ? s.instanceName() : c.instanceName().trim();
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new FieldError("instance_name", "must be 1–100 characters"));
		}
		String mode = c.signupMode() == null ? s.signupMode() : c.signupMode().trim();
		if (!SIGNUP_MODES.contains(mode)) {
			errors.add(new FieldError("signup_mode", "must be open, invite_only or closed"));
		}
		List<String> domains = c.allowedEmailDomains() == null ? s.allowedEmailDomains()
				: parseDomains(String.join(",", c.allowedEmailDomains()));
		if (domains.stream()
			.anyMatch(d -> !d.matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"))
				|| String.join(",", domains).length() > 2000) {
			errors.add(new FieldError("allowed_email_domains", "must be domain names such as example.com"));
		}
		String host = c.smtpHost() == null ? s.smtpHost() : c.smtpHost().trim();
		if (host.length() > 255 || !host.matches("^[A-Za-z0-9.:\\[\\]-]*$")) {
			errors.add(new FieldError("smtp_host", "must be a host name or address"));
		}
		int port = c.smtpPort() == null ? s.smtpPort() : c.smtpPort();
		if (port < 1 || port > 65535) {
			errors.add(new FieldError("smtp_port", "must be between 1 and 65535"));
		}
		String username = c.smtpUsername() == null ? s.smtpUsername() : c.smtpUsername().trim();
		if (username.length() > 255) {
			errors.add(new FieldError("smtp_username", "must be at most 255 characters"));
		}
		if (c.smtpPassword() != null && c.smtpPassword().length() > 500) {
			errors.add(new FieldError("smtp_password", "must be at most 500 characters"));
		}
		String tls = c.smtpTls() == null ? s.smtpTls() : c.smtpTls().trim();
		if (!TLS.contains(tls)) {
			errors.add(new FieldError("smtp_tls", "must be starttls, ssl or none"));
		}
		String from = c.smtpFrom() == null ? s.smtpFrom() : c.smtpFrom().trim();
		if (from.length() > 255 || (!from.isEmpty() && !from.contains("@"))) {
			errors.add(new FieldError("smtp_from", "must be an address such as Fixpoint <fixpoint@example.com>"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		boolean verified = c.requireVerifiedEmail() == null ? s.requireVerifiedEmail() : c.requireVerifiedEmail();
		return new SiteSettings(name, mode, domains, verified, host, port, username, s.smtpPasswordSet(), tls, from);
	}

	private static void diff(SiteSettings a, SiteSettings b, Map<String, Object> old, Map<String, Object> now) {
		put(old, now, "instance_name", a.instanceName(), b.instanceName());
		put(old, now, "signup_mode", a.signupMode(), b.signupMode());
		put(old, now, "allowed_email_domains", String.join(",", a.allowedEmailDomains()),
				String.join(",", b.allowedEmailDomains()));
		put(old, now, "require_verified_email", a.requireVerifiedEmail(), b.requireVerifiedEmail());
		put(old, now, "smtp_host", a.smtpHost(), b.smtpHost());
		put(old, now, "smtp_port", a.smtpPort(), b.smtpPort());
		put(old, now, "smtp_username", a.smtpUsername(), b.smtpUsername());
		put(old, now, "smtp_tls", a.smtpTls(), b.smtpTls());
		put(old, now, "smtp_from", a.smtpFrom(), b.smtpFrom());
	}

	private static void put(Map<String, Object> old, Map<String, Object> now, String key, Object a, Object b) {
		if (!a.equals(b)) {
			old.put(key, a);
			now.put(key, b);
		}
	}

}
