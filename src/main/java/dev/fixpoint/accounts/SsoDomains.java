package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may route an email domain's sign-ins to their organization's provider: an
 * organization admin claims a domain ({@link SsoSettings}), and the claim routes sign-ins
 * only once verified by someone with a verified address at the domain, without anything
 * online (no DNS record): at once when the claiming admin's own verified email is at the
 * domain, or by the single-use link (7 days) emailed to an address at the domain that the
 * admin chooses. One verified claim per domain in the installation. Audited:
 * {@code org.sso_domain_confirmation_sent}, {@code org.sso_domain_verified}.
 */
@Service
public class SsoDomains {

	static final Duration LINK_LIFETIME = Duration.ofDays(7);

	/** A claimed domain and whether it routes sign-ins yet. */
	public record DomainClaim(String domain,
			@Schema(description = "true once someone with an address at the domain confirmed it") boolean verified,
			@Schema(nullable = true) Instant verifiedAt) {
	}

	private final SsoRepository sso;

	private final Organizations organizations;

	private final UserRepository users;

	private final AccountMail mail;

	private final AccountLinkRepository links;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	SsoDomains(SsoRepository sso, Organizations organizations, UserRepository users, AccountMail mail,
			AccountLinkRepository links, AuditLog audit, JsonMapper json, Clock clock) {
		this.sso = sso;
		this.organizations = organizations;
		this.users = users;
		this.mail = mail;
		this.links = links;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** The organization's claimed email domains (its admins). */
	@Transactional(readOnly = true)
	public List<DomainClaim> claims(String orgRef, CurrentUser caller) {
		UUID provider = providerOf(admin(orgRef, caller).id());
		return this.sso.domainClaims(provider)
			.stream()
			.map(c -> new DomainClaim(c.domain(), c.verifiedAt() != null, c.verifiedAt()))
			.toList();
	}

	/**
	 * Verifies the provider's pending claims of the domain of the admin's own verified
	 * email; in the claiming transaction.
	 */
	void verifyOwn(OrganizationMembership org, UUID providerId, CurrentUser caller) {
		this.users.profile(caller.id()).filter(Profile::emailVerified).ifPresent(profile -> {
			String domain = domainOf(profile.email());
			boolean pending = this.sso.domainClaims(providerId)
				.stream()
				.anyMatch(c -> c.domain().equals(domain) && c.verifiedAt() == null);
			if (pending && this.sso.verify(providerId, domain, caller.id(), Times.now(this.clock))) {
				verified(org.id(), org.name(), domain, caller.id(), "admin's own email");
			}
		});
	}

	/**
	 * Emails a confirmation link for a pending claim to {@code email}, an address at the
	 * domain (organization admins).
	 */
	@Transactional
	public void requestConfirmation(String orgRef, CurrentUser caller, String domain, String email) {
		OrganizationMembership org = admin(orgRef, caller);
		UUID provider = providerOf(org.id());
		String claimed = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
		SsoRepository.DomainClaim claim = this.sso.domainClaims(provider)
			.stream()
			.filter(c -> c.domain().equals(claimed))
			.findFirst()
			.orElseThrow(() -> NotFoundException.of("Email domain"));
		if (claim.verifiedAt() != null) {
			throw ConflictException.because(claimed + " is verified already");
		}
		String address = email == null ? "" : email.strip();
		if (address.length() > 254 || !address.matches("^[^@\\s]+@[^@\\s]+$") || !domainOf(address).equals(claimed)) {
			throw InvalidInputException.of("email", "must be an address at " + claimed);
		}
		String payload = this.json.writeValueAsString(Map.of("provider", provider.toString(), "domain", claimed));
		this.mail.send(AccountLinkRepository.Purpose.SSO_DOMAIN, null, address, payload, caller.id(), LINK_LIFETIME,
				"/sso/domains/confirm", "Confirm " + claimed + " for single sign-on", """
						%s (an organization on Fixpoint) wants the people of %s to sign in through its single sign-on.
						Confirm within 7 days that %s belongs to it:
						{link}

						If %s is not theirs, ignore this email: nothing changes.
						""".formatted(org.name(), claimed, claimed, claimed));
		this.audit.record(AuditEvent.of("org.sso_domain_confirmation_sent", caller.id())
			.org(org.id())
			.target("organization", org.id(), org.name())
			.change(null, Map.of("domain", claimed, "sent_to", address)));
	}

	/** Whether a confirmation link can still be used (for the page with the button). */
	@Transactional(readOnly = true)
	public boolean linkUsable(String token) {
		return token != null && token.startsWith(Tokens.PREFIX) && token.length() < 200 && this.links
			.usable(AccountLinkRepository.Purpose.SSO_DOMAIN, Tokens.hash(token), Times.now(this.clock));
	}

	/**
	 * Verifies the claim from the emailed link.
	 * @return the domain
	 */
	@Transactional
	public String confirm(String token) {
		if (token == null || token.length() > 200) {
			throw InvalidInputException.of("token", EmailLinks.INVALID_LINK);
		}
		AccountLinkRepository.Link link = this.links
			.consume(AccountLinkRepository.Purpose.SSO_DOMAIN, Tokens.hash(token), Times.now(this.clock))
			.orElseThrow(() -> InvalidInputException.of("token", EmailLinks.INVALID_LINK));
		Map<?, ?> payload = this.json.readValue(link.payload(), Map.class);
		UUID provider = UUID.fromString(String.valueOf(payload.get("provider")));
		String domain = String.valueOf(payload.get("domain"));
		UUID confirmer = this.users.findByEmail(link.email()).map(UserRepository.UserRow::id).orElse(null);
		if (!this.sso.verify(provider, domain, confirmer, Times.now(this.clock))) {
			throw ConflictException.because(
					domain + " cannot be verified: the claim was withdrawn, or another organization verified it first");
		}
		this.sso.organizationOf(provider)
			.flatMap(this.organizations::byId)
			.ifPresent(org -> verified(org.id(), org.name(), domain, confirmer, "emailed link to " + link.email()));
		return domain;
	}

	private void verified(UUID orgId, String orgName, String domain, UUID by, String how) {
		this.audit.record(AuditEvent.of("org.sso_domain_verified", by)
			.org(orgId)
			.target("organization", orgId, orgName)
			.change(null, Map.of("domain", domain, "verified_by", how)));
	}

	private OrganizationMembership admin(String orgRef, CurrentUser caller) {
		OrganizationMembership org = this.organizations.membership(orgRef, caller);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can change single sign-on");
		}
		return org;
	}

	private UUID providerOf(UUID orgId) {
		return this.sso.findFor(orgId)
			.map(SsoRepository.ProviderRow::id)
			.orElseThrow(() -> NotFoundException.of("Single sign-on provider"));
	}

	static String domainOf(String email) {
		return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

}
