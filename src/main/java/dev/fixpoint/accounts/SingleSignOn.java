package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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
 * organization with its default role. Also the sign-in page's buttons and the clients'
 * settings.
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

	SingleSignOn(SsoRepository sso, UserRepository users, Accounts accounts, SecretBox box,
			OrganizationRepository organizations) {
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
			return this.users.findById(linked.get())
				.map(UserRepository.UserRow::summary)
				.orElseThrow(() -> UnauthorizedException.because("This account no longer exists"));
		}
		if (claims.email() == null || !claims.emailVerified()) {
			throw UnauthorizedException.because("Your identity provider did not confirm your email address");
		}
		if (!domainAllowed(provider, claims.email())) {
			throw UnauthorizedException
				.because("Accounts of " + domain(claims.email()) + " cannot sign in with " + provider.name());
		}
		UserSummary user = this.users.findByEmail(claims.email())
			.map(UserRepository.UserRow::summary)
			.orElseGet(() -> provision(provider, claims));
		this.sso.link(providerId, claims.subject(), user.id());
		if (provider.orgId() != null && provider.provisioning()) {
			this.organizations.addMemberIfAbsent(provider.orgId(), user.id(), provider.defaultRole());
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
