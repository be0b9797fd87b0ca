package dev.fixpoint.projects;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a project and with which role. Only project admins change it; a project
 * always keeps an admin.
 */
@Service
public class ProjectMembers {

	private final ProjectRepository projects;

	private final ProjectAccess access;

	private final Accounts accounts;

	private final Organizations organizations;

	private final Clock clock;

	private final AuditLog audit;

	ProjectMembers(ProjectRepository projects, ProjectAccess access, Accounts accounts, Organizations organizations,
			Clock clock, AuditLog audit) {
		this.projects = projects;
		this.access = access;
		this.accounts = accounts;
		this.organizations = organizations;
		this.clock = clock;
		this.audit = audit;
	}

	private void record(String action, Membership admin, CurrentUser caller, UUID userId, ProjectRole before,
			ProjectRole after) {
		this.audit.record(AuditEvent.of(action, caller.id())
			.org(admin.project().orgId())
			.target("project_member", userId, admin.project().key())
			.change(before == null ? null : Map.of("role", before.key()),
					after == null ? null : Map.of("role", after.key())));
	}

	@Transactional(readOnly = true)
	public List<Member> list(String projectRef, CurrentUser user) {
		return list(this.access.membership(projectRef, user).projectId());
	}

	@Transactional(readOnly = true)
	public List<Member> list(UUID projectId) {
		List<ProjectRepository.MemberRow> rows = this.projects.findMembers(projectId);
		Map<UUID, UserSummary> users = this.accounts
			.findAll(rows.stream().map(ProjectRepository.MemberRow::userId).toList())
			.stream()
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
		// each name lowercased once, not in every comparison (a project of 300 members
		// sorts
		// in ~2,500 of them)
		record Sorted(Member member, String name) {
		}
		return rows.stream()
			.map(r -> new Member(users.get(r.userId()), ProjectRole.parse(r.role()).orElseThrow(), r.joinedAt()))
			.map(m -> new Sorted(m, m.user().name().toLowerCase(java.util.Locale.ROOT)))
			.sorted(java.util.Comparator.comparing((Sorted s) -> s.member().role().ordinal())
				.thenComparing(Sorted::name))
			.map(Sorted::member)
			.toList();
	}

	/**
	 * Those of {@code userIds} who are members of the project now, as people: a page that
	 * names a few people asks for them, not for a member list of hundreds.
	 */
	@Transactional(readOnly = true)
	public List<UserSummary> among(UUID projectId, java.util.Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return this.accounts.findAll(this.projects.findMemberIds(projectId, userIds));
	}

	/**
	 * Members whose username or a word of whose name starts with {@code prefix}
	 * (case-insensitive), for mention autocomplete: usernames first, at most
	 * {@code limit}. Non-members of the project get 404.
	 */
	@Transactional(readOnly = true)
	public List<UserSummary> suggest(String projectRef, CurrentUser user, String prefix, int limit) {
		String p = prefix == null ? "" : prefix.strip().replaceFirst("^@", "").toLowerCase(java.util.Locale.ROOT);
		List<UserSummary> people = list(projectRef, user).stream().map(Member::user).toList();
		java.util.stream.Stream<UserSummary> byUsername = people.stream()
			.filter(u -> u.username().toLowerCase(java.util.Locale.ROOT).startsWith(p));
		java.util.stream.Stream<UserSummary> byName = people.stream()
			.filter(u -> java.util.Arrays.stream(u.name().toLowerCase(java.util.Locale.ROOT).split("\\s+"))
				.anyMatch(w -> w.startsWith(p)));
		return java.util.stream.Stream.concat(byUsername, byName).distinct().limit(limit).toList();
	}

	/**
	 * Adds an existing user (by id, email or username) to the project and its
	 * organization.
	 */
	@Transactional
	public Member add(String projectRef, CurrentUser caller, String userRef, String role) {
		Membership admin = this.access.require(projectRef, caller, ProjectAction.MANAGE_PROJECT);
		ProjectRole projectRole = parseRole(role);
		UserSummary user = this.accounts.findByReference(userRef)
			.orElseThrow(() -> InvalidInputException.of("user", "No user with this email or username"));
		if (this.projects.findRole(admin.projectId(), user.id()).isPresent()) {
			throw ConflictException.on("user", user.username() + " is already a member");
		}
		this.organizations.ensureMember(admin.project().orgId(), user.id());
		this.projects.upsertMember(admin.projectId(), user.id(), projectRole);
		record("project.member_added", admin, caller, user.id(), null, projectRole);
		return new Member(user, projectRole, Times.now(this.clock));
	}

	@Transactional
	public Member changeRole(String projectRef, CurrentUser caller, UUID userId, String role) {
		Membership admin = this.access.require(projectRef, caller, ProjectAction.MANAGE_PROJECT);
		ProjectRole newRole = parseRole(role);
		ProjectRole current = this.projects.findRole(admin.projectId(), userId)
			.orElseThrow(() -> NotFoundException.of("Member"));
		if (current == ProjectRole.ADMIN && newRole != ProjectRole.ADMIN) {
			requireAnotherAdmin(admin.projectId());
		}
		this.projects.upsertMember(admin.projectId(), userId, newRole);
		record("project.member_role_changed", admin, caller, userId, current, newRole);
		return list(admin.projectId()).stream().filter(m -> m.user().id().equals(userId)).findFirst().orElseThrow();
	}

	@Transactional
	public void remove(String projectRef, CurrentUser caller, UUID userId) {
		Membership admin = this.access.require(projectRef, caller, ProjectAction.MANAGE_PROJECT);
		ProjectRole current = this.projects.findRole(admin.projectId(), userId)
			.orElseThrow(() -> NotFoundException.of("Member"));
		if (current == ProjectRole.ADMIN) {
			requireAnotherAdmin(admin.projectId());
		}
		this.projects.deleteMember(admin.projectId(), userId);
		record("project.member_removed", admin, caller, userId, current, null);
	}

	private void requireAnotherAdmin(UUID projectId) {
		if (this.projects.countAdminsForUpdate(projectId) <= 1) {
			throw ConflictException.because("A project must keep at least one admin");
		}
	}

	private static ProjectRole parseRole(String role) {
		return ProjectRole.parse(role)
			.orElseThrow(() -> InvalidInputException.of("role", "must be one of admin, developer, qa, viewer"));
	}

}
