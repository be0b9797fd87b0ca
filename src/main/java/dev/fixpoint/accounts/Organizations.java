package dev.fixpoint.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Names;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations own projects; their admins add people. */
@Service
public class Organizations {

	private final OrganizationRepository organizations;

	private final UserRepository users;

	private final Clock clock;

	private final AuditLog audit;

	private final Plans plans;

	private final InstanceSettings instance;

	private final org.springframework.context.ApplicationEventPublisher events;

	Organizations(OrganizationRepository organizations, UserRepository users, Clock clock, AuditLog audit, Plans plans,
			InstanceSettings instance, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.instance = instance;
		this.organizations = organizations;
		this.users = users;
		this.clock = clock;
		this.audit = audit;
		this.plans = plans;
	}

	@Transactional
	public OrganizationMembership create(String name, String slugHint, UUID ownerId) {
		UUID id = Ids.newId();
		String base = Names.slug(slugHint);
		String slug = base;
		for (int i = 2; this.organizations.slugTaken(slug); i++) {
			slug = base + "-" + i;
		}
		this.organizations.insert(id, name, slug);
		this.organizations.addMember(id, ownerId, "admin");
		return new OrganizationMembership(id, name, slug, "admin");
	}

	@Transactional(readOnly = true)
	public List<OrganizationMembership> of(UUID userId) {
		return this.organizations.findForUser(userId);
	}

	/**
	 * The caller's membership of an organization (by id or slug); 404 for non-members.
	 */
	@Transactional(readOnly = true)
	public OrganizationMembership membership(String orgRef, CurrentUser user) {
		return this.organizations.findMembership(orgRef, user.id())
			.orElseThrow(() -> NotFoundException.of("Organization"));
	}

	/**
	 * The caller's membership when they administer the organization: 404 for non-members,
	 * 403 for plain members.
	 */
	@Transactional(readOnly = true)
	public OrganizationMembership administered(String orgRef, CurrentUser user) {
		OrganizationMembership org = membership(orgRef, user);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can do this");
		}
		return org;
	}

	/**
	 * An organization by its slug, for its public pages (a status page); {@code role()}
	 * is null.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<OrganizationMembership> bySlug(String slug) {
		if (slug == null || !slug.matches("^[a-z0-9][a-z0-9-]{0,62}$")) {
			return java.util.Optional.empty();
		}
		return this.organizations.findBySlug(slug);
	}

	/** An organization by id, without a caller; {@code role()} is null. */
	@Transactional(readOnly = true)
	public java.util.Optional<OrganizationMembership> byId(UUID id) {
		return this.organizations.findById(id);
	}

	/**
	 * The organization's members by name whose name, username or email contains
	 * {@code text} (null or blank: everyone), from {@code cursor} on (null: the first): a
	 * page of at most {@code limit}, or all of them when {@code limit} is null.
	 */
	@Transactional(readOnly = true)
	public Page<OrganizationMember> members(String orgRef, CurrentUser user, String text, String cursor,
			Integer limit) {
		UUID orgId = membership(orgRef, user).id();
		String q = text == null ? "" : text.strip();
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, 2);
		UUID afterId = after == null ? null : Ids.parse(after.get(1))
			.orElseThrow(() -> InvalidInputException.of("cursor", "is not a cursor returned by this list"));
		List<OrganizationMember> found = this.organizations.findMembers(orgId, q, after == null ? null : after.get(0),
				afterId, limit == null ? null : limit + 1);
		if (limit == null || found.size() <= limit) {
			return new Page<>(found, null);
		}
		OrganizationMember last = found.get(limit - 1);
		return new Page<>(found.subList(0, limit), Cursor.of(last.user().name(), last.user().id().toString()).encode());
	}

	@Transactional
	public OrganizationMember addMember(String orgRef, CurrentUser caller, String email, String username, String role) {
		OrganizationMembership org = membership(orgRef, caller);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can add members");
		}
		if (!"admin".equals(role) && !"member".equals(role)) {
			throw InvalidInputException.of("role", "must be admin or member");
		}
		UserRepository.UserRow user = (email != null && !email.isBlank() ? this.users.findByEmail(email.trim())
				: username != null && !username.isBlank() ? this.users.findByUsername(username.trim())
						: java.util.Optional.<UserRepository.UserRow>empty())
			.orElseThrow(() -> InvalidInputException.of(email != null ? "email" : "username",
					"no user with this " + (email != null ? "email" : "username")));
		String before = this.organizations.role(org.id(), user.id());
		if (before == null) {
			this.instance.checkMayJoin(user.id());
			this.plans.checkNewMember(org.id());
		}
		this.organizations.addMember(org.id(), user.id(), role);
		this.audit.record(AuditEvent.of(before == null ? "org.member_added" : "org.member_role_changed", caller.id())
			.org(org.id())
			.target("user", user.id(), user.username())
			.change(before == null ? null : Map.of("role", before), Map.of("role", role)));
		return new OrganizationMember(user.summary(), role, Times.now(this.clock));
	}

	/**
	 * Adds someone to an organization as a plain member unless they already belong (used
	 * by project invites); refused (403) for an unverified address when the installation
	 * requires verified ones.
	 */
	@Transactional
	public void ensureMember(UUID orgId, UUID userId) {
		this.instance.checkMayJoin(userId);
		if (this.organizations.findMembership(orgId.toString(), userId).isEmpty()) {
			this.plans.checkNewMember(orgId);
			this.organizations.addMember(orgId, userId, "member");
		}
	}

	/**
	 * Removes someone from the organization (its admins): their organization membership
	 * and, through {@link OrganizationMemberRemoved}, their memberships of its projects.
	 * Nothing else is revoked (their account, sessions and tokens stay; other
	 * organizations are untouched) and bugs assigned to them stay assigned, showing their
	 * name, for the team to reassign. The last admin cannot be removed (409).
	 */
	@Transactional
	public void removeMember(String orgRef, CurrentUser caller, UUID userId) {
		OrganizationMembership org = membership(orgRef, caller);
		if (!org.isAdmin()) {
			throw ForbiddenException.because("Only organization admins can remove members");
		}
		String role = this.organizations.role(org.id(), userId);
		if (role == null) {
			throw dev.fixpoint.platform.NotFoundException.of("Member");
		}
		if ("admin".equals(role) && this.organizations.countAdminsForUpdate(org.id()) <= 1) {
			throw dev.fixpoint.platform.ConflictException
				.because("An organization must keep at least one admin: make someone else an admin first");
		}
		String username = this.users.findById(userId).map(UserRepository.UserRow::username).orElse(null);
		this.organizations.removeMember(org.id(), userId);
		this.events.publishEvent(new OrganizationMemberRemoved(org.id(), userId, caller.id()));
		this.audit.record(AuditEvent.of("org.member_removed", caller.id())
			.org(org.id())
			.target("user", userId, username)
			.change(Map.of("role", role), null));
	}

}
