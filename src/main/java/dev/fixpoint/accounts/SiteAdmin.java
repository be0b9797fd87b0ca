package dev.fixpoint.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a site admin does to people and organizations: find users, deactivate them (they
 * cannot sign in, their sessions end, their tokens stop working; their name stays on
 * their bugs) and reactivate them, set an organization's plan. Everyone else gets 403.
 */
@Service
public class SiteAdmin {

	private final UserRepository users;

	private final OrganizationRepository organizations;

	private final Revocations revocations;

	private final AuditLog audit;

	private final Clock clock;

	private final ObjectProvider<AccountData> data;

	SiteAdmin(UserRepository users, OrganizationRepository organizations, Revocations revocations, AuditLog audit,
			Clock clock, ObjectProvider<AccountData> data) {
		this.data = data;
		this.users = users;
		this.organizations = organizations;
		this.revocations = revocations;
		this.audit = audit;
		this.clock = clock;
	}

	/** People (never system actors) whose name, username or email contains the text. */
	@Transactional(readOnly = true)
	public List<Profile> users(CurrentUser admin, String query, int limit) {
		require(admin);
		return this.users.search(query == null ? "" : query.trim(), limit);
	}

	@Transactional(readOnly = true)
	public List<OrganizationOverview> organizations(CurrentUser admin) {
		require(admin);
		return this.organizations.overview();
	}

	@Transactional
	public Profile deactivate(CurrentUser admin, UUID userId) {
		require(admin);
		if (admin.id().equals(userId)) {
			throw ConflictException.because("You cannot deactivate yourself");
		}
		Profile user = person(userId);
		if (user.deactivatedAt() == null) {
			this.users.setDeactivated(userId, Times.now(this.clock));
			this.revocations.sessionsOf(userId);
			this.audit.record(AuditEvent.of("admin.user_deactivated", admin.id()).target("user", userId, null));
		}
		return person(userId);
	}

	@Transactional
	public Profile reactivate(CurrentUser admin, UUID userId) {
		require(admin);
		Profile user = person(userId);
		if (user.deactivatedAt() != null) {
			this.users.setDeactivated(userId, null);
			this.audit.record(AuditEvent.of("admin.user_reactivated", admin.id()).target("user", userId, null));
		}
		return person(userId);
	}

	/**
	 * Deletes someone's account on their request (GDPR), as they could themselves: the
	 * same refusals (409), the same anonymisation.
	 * @return the name the account has now
	 */
	@Transactional
	public String deleteUser(CurrentUser admin, UUID userId) {
		require(admin);
		if (admin.id().equals(userId)) {
			throw ConflictException.because("Delete your own account from your profile page");
		}
		person(userId);
		return this.data.getObject().erase(userId, admin.id());
	}

	@Transactional
	public OrganizationOverview setPlan(CurrentUser admin, UUID orgId, String plan) {
		require(admin);
		String key = Plan.parse(plan).key();
		OrganizationOverview before = this.organizations.overview()
			.stream()
			.filter(o -> o.id().equals(orgId))
			.findFirst()
			.orElseThrow(() -> NotFoundException.of("Organization"));
		this.organizations.setPlan(orgId, key);
		this.audit.record(AuditEvent.of("admin.plan_changed", admin.id())
			.org(orgId)
			.target("organization", orgId, before.slug())
			.change(Map.of("plan", before.plan()), Map.of("plan", key)));
		return new OrganizationOverview(orgId, before.name(), before.slug(), key, before.members(), before.createdAt());
	}

	/** Refuses everyone but site admins (403). */
	public void require(CurrentUser user) {
		if (user == null || !this.users.findById(user.id()).map(UserRepository.UserRow::isSiteAdmin).orElse(false)) {
			throw ForbiddenException.because("Only site admins can do this");
		}
	}

	private Profile person(UUID userId) {
		return this.users.profile(userId).orElseThrow(() -> NotFoundException.of("User"));
	}

}
