package dev.fixpoint.accounts;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who configures single sign-on: an organization's admins for their organization (its
 * OIDC provider, and whether its members must sign in through it); the environment for
 * the whole instance. The client secret is sealed with {@link SecretBox} and never shown
 * again. With plans on, single sign-on is the Enterprise plan's; changes go to the audit
 * log (never the secret: only whether it changed).
 */
@Service
public class SsoSettings {

	static final String SECRET_PURPOSE = "oidc-client-secret";

	static final int MAX_EMAIL_DOMAINS = 20;

	private static final java.util.regex.Pattern EMAIL_DOMAIN = java.util.regex.Pattern
		.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}$");

	/** Email services anyone can have an address at: never one organization's domain. */
	private static final java.util.Set<String> PUBLIC_EMAIL = java.util.Set.of("gmail.com", "googlemail.com",
			"outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com", "aol.com",
			"proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.com",
			"yandex.ru", "zoho.com", "fastmail.com", "qq.com", "163.com");

	/**
	 * A provider as set (provisioning on and "required" off unless said): {@code id} only
	 * on the way out (its sign-in starts at {@code /oauth2/authorization/{id}});
	 * {@code clientSecret} only on the way in (null keeps the one stored);
	 * {@code required} is the organization's rule (always false for the instance).
	 */
	public record SsoProvider(UUID id, String name, String issuer, String clientId, String clientSecret,
			List<String> allowedDomains,
			@Schema(description = "Email domains whose people the sign-in page sends to this provider once they typed "
					+ "their email (email-first sign-in), once verified by someone with an address there (GET "
					+ ".../sso/email-domains); one organization per domain") List<String> emailDomains,
			Boolean provisioning, String defaultRole, Boolean required) {

		public SsoProvider {
			allowedDomains = domains(allowedDomains);
			emailDomains = domains(emailDomains);
			defaultRole = defaultRole == null || defaultRole.isBlank() ? "member" : defaultRole;
			provisioning = provisioning == null || provisioning;
			required = required != null && required;
		}

		private static List<String> domains(List<String> domains) {
			return domains == null ? List.of()
					: domains.stream()
						.map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT))
						.filter(d -> !d.isEmpty())
						.distinct()
						.toList();
		}

	}

	private final SsoRepository sso;

	private final Organizations organizations;

	private final SecretBox box;

	private final Clock clock;

	private final Plans plans;

	private final AuditLog audit;

	private final SsoDomains domains;

	SsoSettings(SsoRepository sso, Organizations organizations, SecretBox box, Clock clock, Plans plans, AuditLog audit,
			SsoDomains domains) {
		this.domains = domains;
		this.plans = plans;
		this.audit = audit;
		this.sso = sso;
		this.organizations = organizations;
		this.box = box;
		this.clock = clock;
	}

	/** The organization's provider (the secret left out); 404 when it has none. */
	@Transactional(readOnly = true)
	public SsoProvider get(String orgRef, CurrentUser caller) {
		OrganizationMembership org = admin(orgRef, caller);
		SsoRepository.ProviderRow row = this.sso.findFor(org.id())
			.orElseThrow(() -> NotFoundException.of("Single sign-on provider"));
		return view(row, this.sso.required(org.id()));
	}

	/** The organization's provider, if it has one (its admins only). */
	@Transactional(readOnly = true)
	public java.util.Optional<SsoProvider> find(String orgRef, CurrentUser caller) {
		OrganizationMembership org = admin(orgRef, caller);
		return this.sso.findFor(org.id()).map(row -> view(row, this.sso.required(org.id())));
	}

	@Transactional
	public SsoProvider configure(String orgRef, CurrentUser caller, SsoProvider provider) {
		OrganizationMembership org = admin(orgRef, caller);
		this.plans.checkEnterprise(org.id(), "Single sign-on");
		Map<String, Object> before = this.sso.findFor(org.id())
			.map(row -> auditValues(view(row, this.sso.required(org.id())), false))
			.orElse(null);
		save(org.id(), provider);
		this.sso.setRequired(org.id(), provider.required());
		SsoProvider saved = get(orgRef, caller);
		this.audit.record(AuditEvent.of("org.sso_configured", caller.id())
			.org(org.id())
			.target("organization", org.id(), org.name())
			.change(before, auditValues(saved, provider.clientSecret() != null && !provider.clientSecret().isBlank())));
		// a claimed email domain routes sign-ins once verified (SsoDomains)
		this.domains.verifyOwn(org, saved.id(), caller);
		return saved;
	}

	@Transactional
	public void remove(String orgRef, CurrentUser caller) {
		OrganizationMembership org = admin(orgRef, caller);
		if (!this.sso.delete(org.id())) {
			throw NotFoundException.of("Single sign-on provider");
		}
		this.sso.setRequired(org.id(), false);
		this.audit.record(AuditEvent.of("org.sso_removed", caller.id())
			.org(org.id())
			.target("organization", org.id(), org.name()));
	}

	/**
	 * The instance's provider, from the environment ({@code FIXPOINT_OIDC_*}): offered on
	 * the sign-in page to everyone; removed when the environment no longer names one.
	 */
	@Transactional
	public void configureInstance(SsoProvider provider) {
		if (provider == null) {
			this.sso.delete(null);
			return;
		}
		save(null, provider);
	}

	private void save(UUID orgId, SsoProvider provider) {
		java.util.Optional<SsoRepository.ProviderRow> current = this.sso.findFor(orgId);
		validate(provider, current.isPresent());
		if (orgId == null && !provider.emailDomains().isEmpty()) {
			throw InvalidInputException.of("email_domains",
					"are an organization's: the instance's provider is " + "offered to everyone on the sign-in page");
		}
		List<String> taken = this.sso.emailDomainsOfOthers(current.map(SsoRepository.ProviderRow::id).orElse(null),
				provider.emailDomains());
		if (!taken.isEmpty()) {
			throw ConflictException.on("email_domains",
					String.join(", ", taken) + " already sign in through another organization's provider");
		}
		this.sso.save(orgId, provider.name().strip(), provider.issuer().strip(), provider.clientId().strip(),
				provider.clientSecret() == null || provider.clientSecret().isBlank() ? null
						: this.box.seal(SECRET_PURPOSE, provider.clientSecret()),
				provider.allowedDomains(), provider.provisioning(), provider.defaultRole(), Times.now(this.clock));
		this.sso.setEmailDomains(this.sso.findFor(orgId).orElseThrow().id(), provider.emailDomains());
	}

	private OrganizationMembership admin(String orgRef, CurrentUser caller) {
		OrganizationMembership org = this.organizations.membership(orgRef, caller);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can change single sign-on");
		}
		return org;
	}

	/** What the audit log keeps of a provider: everything but the secret. */
	private static Map<String, Object> auditValues(SsoProvider p, boolean secretChanged) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", p.name());
		values.put("issuer", p.issuer());
		values.put("client_id", p.clientId());
		values.put("allowed_domains", p.allowedDomains());
		values.put("email_domains", p.emailDomains());
		values.put("provisioning", p.provisioning());
		values.put("default_role", p.defaultRole());
		values.put("required", p.required());
		if (secretChanged) {
			values.put("client_secret_changed", true);
		}
		return values;
	}

	private SsoProvider view(SsoRepository.ProviderRow row, boolean required) {
		return new SsoProvider(row.id(), row.name(), row.issuer(), row.clientId(), null, row.allowedDomains(),
				this.sso.emailDomains(row.id()), row.provisioning(), row.defaultRole(), required);
	}

	private static void validate(SsoProvider p, boolean exists) {
		List<FieldError> errors = new ArrayList<>();
		if (p.name() == null || p.name().isBlank() || p.name().strip().length() > 60) {
			errors.add(new FieldError("name", "must be 1 to 60 characters"));
		}
		if (!isHttpUrl(p.issuer())) {
			errors.add(new FieldError("issuer", "must be the provider's http(s) issuer URL"));
		}
		if (p.clientId() == null || p.clientId().isBlank() || p.clientId().length() > 200) {
			errors.add(new FieldError("client_id", "must be 1 to 200 characters"));
		}
		if (!exists && (p.clientSecret() == null || p.clientSecret().isBlank())) {
			errors.add(new FieldError("client_secret", "is required"));
		}
		if (!List.of("admin", "member").contains(p.defaultRole())) {
			errors.add(new FieldError("default_role", "must be admin or member"));
		}
		if (p.allowedDomains().stream().anyMatch(d -> !d.matches("^[a-z0-9.-]+\\.[a-z]{2,}$"))) {
			errors.add(new FieldError("allowed_domains", "must be domain names such as example.com"));
		}
		emailDomainErrors(p).ifPresent(message -> errors.add(new FieldError("email_domains", message)));
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
	}

	/**
	 * What is wrong with the provider's email domains, if anything: each a domain name,
	 * at most {@value #MAX_EMAIL_DOMAINS}, never a public email service (its people are
	 * no one organization's), and one the provider may sign in (its allowed domains, when
	 * it has some).
	 */
	private static java.util.Optional<String> emailDomainErrors(SsoProvider p) {
		List<String> domains = p.emailDomains();
		if (domains.size() > MAX_EMAIL_DOMAINS) {
			return java.util.Optional.of("must be at most " + MAX_EMAIL_DOMAINS + " domains");
		}
		for (String domain : domains) {
			if (domain.length() > 253 || !EMAIL_DOMAIN.matcher(domain).matches()) {
				return java.util.Optional.of(domain + " is not a domain name such as example.com");
			}
			if (PUBLIC_EMAIL.contains(domain)) {
				return java.util.Optional
					.of(domain + " is a public email service: its people are no one " + "organization's");
			}
			if (!p.allowedDomains().isEmpty() && !p.allowedDomains().contains(domain)) {
				return java.util.Optional.of(domain + " must also be an allowed domain, or the provider's people "
						+ "of it would be refused");
			}
		}
		return java.util.Optional.empty();
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = URI.create(value == null ? "" : value.strip());
			return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
