package dev.fixpoint.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to an organization by email: an admin invites an address with a role; the
 * link (7 days, single use, stored hashed) lands on the accept page, which joins a
 * signed-in person with that address, or creates the account (the link proves the
 * address, and works whatever the sign-up mode).
 */
@Service
public class Invitations {

	static final Duration LIFETIME = Duration.ofDays(7);

	static final String ACCEPT_PATH = "/invitations/accept";

	private final Organizations organizations;

	private final OrganizationRepository members;

	private final AccountLinkRepository links;

	private final AccountMail mail;

	private final UserRepository users;

	private final Plans plans;

	private final Accounts accounts;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	Invitations(Organizations organizations, OrganizationRepository members, AccountLinkRepository links,
			AccountMail mail, UserRepository users, Plans plans, Accounts accounts, AuditLog audit, JsonMapper json,
			Clock clock) {
		this.organizations = organizations;
		this.members = members;
		this.links = links;
		this.mail = mail;
		this.users = users;
		this.plans = plans;
		this.accounts = accounts;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Emails an invitation (replacing an earlier one to the same address). */
	@Transactional
	public Invitation invite(String orgRef, CurrentUser admin, String email, String role) {
		OrganizationMembership org = this.organizations.administered(orgRef, admin);
		String address = email == null ? "" : email.trim();
		if (!address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || address.length() > 254) {
			throw InvalidInputException.of("email", "must be a valid email address");
		}
		String orgRole = role == null || role.isBlank() ? "member" : role.trim();
		if (!"admin".equals(orgRole) && !"member".equals(orgRole)) {
			throw InvalidInputException.of("role", "must be admin or member");
		}
		Optional<UserRepository.UserRow> existing = this.users.findByEmail(address);
		if (existing.isPresent() && this.members.isMember(org.id(), existing.get().id())) {
			throw ConflictException.on("email", address + " is already a member");
		}
		this.plans.checkNewMember(org.id());
		Instant now = Times.now(this.clock);
		this.links.retireInvitations(org.id(), address, now);
		String payload = this.json.writeValueAsString(Map.of("org", org.id().toString(), "role", orgRole));
		String inviter = admin.name();
		UUID id = this.mail.send(AccountLinkRepository.Purpose.INVITATION, null, address, payload, admin.id(), LIFETIME,
				ACCEPT_PATH, inviter + " invited you to " + org.name() + " on Fixpoint", """
						%s invited you to join the organization %s on Fixpoint as %s.

						Accept the invitation within 7 days (it creates your account if you have none):
						{link}

						If you do not want to join, ignore this email.
						""".formatted(inviter, org.name(), "admin".equals(orgRole) ? "an admin" : "a member"));
		this.audit.record(AuditEvent.of("org.invitation_sent", admin.id())
			.org(org.id())
			.target("invitation", id, address)
			.change(null, Map.of("email", address, "role", orgRole)));
		return new Invitation(id, address, orgRole, inviter, now, now.plus(LIFETIME));
	}

	@Transactional(readOnly = true)
	public List<Invitation> pending(String orgRef, CurrentUser admin) {
		OrganizationMembership org = this.organizations.administered(orgRef, admin);
		return this.links.pendingInvitations(org.id(), Times.now(this.clock));
	}

	@Transactional
	public void revoke(String orgRef, CurrentUser admin, UUID invitationId) {
		OrganizationMembership org = this.organizations.administered(orgRef, admin);
		if (!this.links.revokeInvitation(org.id(), invitationId, Times.now(this.clock))) {
			throw NotFoundException.of("Invitation");
		}
		this.audit.record(AuditEvent.of("org.invitation_revoked", admin.id())
			.org(org.id())
			.target("invitation", invitationId, null));
	}

	/** The invitation behind a link that is still good, for the accept page. */
	@Transactional(readOnly = true)
	public Optional<InvitationPreview> preview(String token) {
		return find(token).flatMap(link -> {
			Payload payload = payload(link);
			return this.organizations.byId(payload.org())
				.map(org -> new InvitationPreview(org.name(), payload.role(), link.email(), link.createdBy() == null
						? null : this.users.findById(link.createdBy()).map(UserRepository.UserRow::name).orElse(null)));
		});
	}

	/**
	 * Joins the signed-in person to the organization; the invitation must have been sent
	 * to their address (403 otherwise).
	 */
	@Transactional
	public OrganizationMembership accept(String token, CurrentUser user) {
		AccountLinkRepository.Link link = find(token).orElseThrow(Invitations::invalid);
		UserRepository.UserRow person = this.users.findById(user.id()).orElseThrow(() -> NotFoundException.of("User"));
		if (!person.email().equalsIgnoreCase(link.email())) {
			throw ForbiddenException.because("This invitation was sent to another address: sign in as " + link.email());
		}
		return join(token, person.id());
	}

	/**
	 * Creates the account of the invited address and joins it to the organization.
	 * @return the new person, for signing the browser in
	 */
	@Transactional
	public UserSummary acceptWithSignup(String token, Signup signup) {
		AccountLinkRepository.Link link = find(token).orElseThrow(Invitations::invalid);
		List<FieldError> errors = new ArrayList<>();
		if (signup.name() == null || signup.name().isBlank() || signup.name().length() > 100) {
			errors.add(new FieldError("name", "must be 1–100 characters"));
		}
		if (signup.username() == null || !AccountSettings.USERNAME.matcher(signup.username()).matches()) {
			errors.add(new FieldError("username",
					"must be 2–39 letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
		if (signup.password() == null || signup.password().length() < 10 || signup.password().length() > 200) {
			errors.add(new FieldError("password", "must be at least 10 characters"));
		}
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		UserSummary user = this.accounts.registerInvited(new Signup(link.email(), signup.password(), signup.name(),
				signup.username(), signup.organizationName()));
		join(token, user.id());
		return user;
	}

	private OrganizationMembership join(String token, UUID userId) {
		AccountLinkRepository.Link link = this.links
			.consume(AccountLinkRepository.Purpose.INVITATION, Tokens.hash(token), Times.now(this.clock))
			.orElseThrow(Invitations::invalid);
		Payload payload = payload(link);
		OrganizationMembership org = this.organizations.byId(payload.org()).orElseThrow(Invitations::invalid);
		String before = this.members.role(org.id(), userId);
		if (before == null) {
			this.plans.checkNewMember(org.id());
		}
		String role = "admin".equals(before) ? "admin" : payload.role();
		this.members.addMember(org.id(), userId, role);
		this.users.markVerified(userId);
		this.audit.record(AuditEvent.of("org.invitation_accepted", userId)
			.org(org.id())
			.target("invitation", link.id(), link.email())
			.change(before == null ? null : Map.of("role", before), Map.of("role", role)));
		return new OrganizationMembership(org.id(), org.name(), org.slug(), role);
	}

	private Optional<AccountLinkRepository.Link> find(String token) {
		if (token == null || !token.startsWith(Tokens.PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		return this.links.find(AccountLinkRepository.Purpose.INVITATION, Tokens.hash(token), Times.now(this.clock));
	}

	private record Payload(UUID org, String role) {
	}

	private Payload payload(AccountLinkRepository.Link link) {
		Map<?, ?> values = this.json.readValue(link.payload(), Map.class);
		return new Payload(UUID.fromString(String.valueOf(values.get("org"))), String.valueOf(values.get("role")));
	}

	private static InvalidInputException invalid() {
		return InvalidInputException.of("token", EmailLinks.INVALID_LINK);
	}

}
