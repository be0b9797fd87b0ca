package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in through an OpenID Connect provider (the protocol is Spring Security's OAuth2
 * client; this is who the provider's person is here): an identity linked before; else the
 * account with the provider's verified email (linked now); else, with just-in-time
 * provisioning and an allowed email domain, a new account added to the provider's
 * organization with its default role (within its plan's seats). A deactivated or deleted
 * person is not signed in. Also the sign-in page's buttons and the clients' settings.
 */
@Service
public class SingleSignOn {

	private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

	/** A provider's button on the sign-in page. */
	public record Button(UUID id, String name) {
	}

	/** What the OAuth2 client needs of a provider. */
	public record Client(UUID id, String issuer, String clientId, String clientSecret, Instant updatedAt) {
	}

	/** What the provider said about the person (an ID token's claims). */
	public record Claims(String subject, String email, boolean emailVerified, String name) {
	}

	private final SsoRepository sso;

	private final UserRepository users;

	private final Accounts accounts;

	private final SecretBox box;

	private final OrganizationRepository organizations;

	private final Plans plans;

	private final AuditLog audit;

	SingleSignOn(SsoRepository sso, UserRepository users, Accounts accounts, SecretBox box,
			OrganizationRepository organizations, Plans plans, AuditLog audit) {
		this.plans = plans;
		this.audit = audit;
		this.sso = sso;
		this.users = users;
		this.accounts = accounts;
		this.box = box;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public List<Button> buttons() {
		return this.sso.all().stream().map(row -> new Button(row.id(), row.name())).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Client> client(UUID providerId) {
		return this.sso.find(providerId)
			.map(row -> new Client(row.id(), row.issuer(), row.clientId(),
					this.box.open(SsoSettings.SECRET_PURPOSE, row.sealedSecret()), row.updatedAt()));
	}

	/**
	 * The person the provider vouched for.
	 * @throws UnauthorizedException when there is no such person here and none may be
	 * made
	 */
	@Transactional
	public UserSummary signIn(UUID providerId, Claims claims) {
		SsoRepository.ProviderRow provider = this.sso.find(providerId)
			.orElseThrow(() -> UnauthorizedException.because("This sign-in provider is no longer configured"));
		Optional<UUID> linked = this.sso.identity(providerId, claims.subject());
		if (linked.isPresent()) {
			return this.users.findActiveById(linked.get())
				.map(UserRepository.UserRow::summary)
				.orElseThrow(() -> UnauthorizedException.because("This account is deactivated or no longer exists"));
		}
		if (claims.email() == null || !claims.emailVerified()) {
			throw UnauthorizedException.because("Your identity provider did not confirm your email address");
		}
		if (!domainAllowed(provider, claims.email())) {
			throw UnauthorizedException
				.because("Accounts of " + domain(claims.email()) + " cannot sign in with " + provider.name());
		}
		Optional<UserRepository.UserRow> existing = this.users.findByEmail(claims.email());
		if (existing.isEmpty() && this.users.emailTaken(claims.email())) {
			// the address is a deactivated account's: not a new person
			throw UnauthorizedException.because("The account of " + claims.email() + " is deactivated");
		}
		UserSummary user = existing.map(UserRepository.UserRow::summary).orElseGet(() -> provision(provider, claims));
		this.sso.link(providerId, claims.subject(), user.id());
		this.audit.record(AuditEvent.of("auth.sso_linked", user.id())
			.org(provider.orgId())
			.target("user", user.id(), null)
			.change(null, Map.of("provider", provider.name(), "provisioned", existing.isEmpty())));
		if (provider.orgId() != null && provider.provisioning()) {
			join(provider, user);
		}
		log.info("Single sign-on identity {} of provider {} linked to user {}", claims.subject(), providerId,
				user.id());
		return user;
	}

	/** Whether this person may not sign in with a password (an organization says so). */
	@Transactional(readOnly = true)
	public List<String> requiredBy(UUID userId) {
		return this.sso.requiringSso(userId);
	}

	/** Adds the person to the provider's organization, as its plan's seats allow. */
	private void join(SsoRepository.ProviderRow provider, UserSummary user) {
		if (this.organizations.role(provider.orgId(), user.id()) != null) {
			return;
		}
		try {
			this.plans.checkNewMember(provider.orgId());
		}
		catch (PlanLimitException ex) {
			throw UnauthorizedException.because(ex.getMessage() + ": ask an admin of the organization");
		}
		this.organizations.addMemberIfAbsent(provider.orgId(), user.id(), provider.defaultRole());
		this.audit.record(AuditEvent.of("org.member_added", user.id())
			.org(provider.orgId())
			.target("user", user.id(), user.username())
			.change(null, Map.of("role", provider.defaultRole(), "by", "single sign-on")));
	}

	private UserSummary provision(SsoRepository.ProviderRow provider, Claims claims) {
		if (!provider.provisioning()) {
			throw UnauthorizedException
				.because("There is no Fixpoint account for " + claims.email() + ": ask an administrator to invite you");
		}
		return this.accounts.provision(claims.email(), claims.name());
	}

	private static boolean domainAllowed(SsoRepository.ProviderRow provider, String email) {
		return provider.allowedDomains().isEmpty() || provider.allowedDomains().contains(domain(email));
	}

	private static String domain(String email) {
		return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

}
