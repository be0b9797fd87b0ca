package dev.fixpoint.projects;

import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate into a project. Non-members get 404 (a project's existence is not revealed);
 * what members may do is then asked of the returned {@link Membership}.
 */
@Service
public class ProjectAccess {

	private final ProjectRepository projects;

	private final Organizations organizations;

	private final ProjectMemory memory;

	ProjectAccess(ProjectRepository projects, Organizations organizations, ProjectMemory memory) {
		this.projects = projects;
		this.organizations = organizations;
		this.memory = memory;
	}

	/**
	 * The caller's transaction changes a project's row from another module (one that
	 * keeps its settings there, as the SLA policy does): the members' views of projects
	 * this node remembers are forgotten, at once and when the transaction ends (other
	 * nodes forget when the change's notice arrives).
	 */
	public void projectChanged() {
		this.memory.forget();
	}

	/**
	 * The caller as an administrator of the project (by id or key): a project admin, or
	 * an admin of the project's organization (they administer all its projects, member or
	 * not: the returned membership says {@code admin}). Other members get 403, everybody
	 * else 404.
	 */
	@Transactional(readOnly = true)
	public Membership administration(String projectRef, CurrentUser user) {
		return findAdministration(projectRef, user)
			.orElseGet(() -> membership(projectRef, user).require(ProjectAction.MANAGE_PROJECT));
	}

	/**
	 * {@link #administration} without the errors: empty for anybody who does not
	 * administer the project (for work running inside other work's transaction).
	 */
	@Transactional(readOnly = true)
	public Optional<Membership> findAdministration(String projectRef, CurrentUser user) {
		Optional<Membership> member = this.projects.findForMember(projectRef, user.id())
			.map(p -> new Membership(p, user, p.myRole()));
		if (member.isPresent() && member.get().can(ProjectAction.MANAGE_PROJECT)) {
			return member;
		}
		java.util.List<UUID> adminOf = this.organizations.of(user.id())
			.stream()
			.filter(OrganizationMembership::isAdmin)
			.map(OrganizationMembership::id)
			.toList();
		return this.projects.findAsAdminIn(projectRef, adminOf).map(p -> new Membership(p, user, ProjectRole.ADMIN));
	}

	/** By id or key. */
	@Transactional(readOnly = true)
	public Membership membership(String projectRef, CurrentUser user) {
		return this.projects.findForMember(projectRef, user.id())
			.map(p -> new Membership(p, user, p.myRole()))
			.orElseThrow(() -> NotFoundException.of("Project"));
	}

	@Transactional(readOnly = true)
	public Membership membership(UUID projectId, CurrentUser user) {
		return this.projects.findForMember(projectId, user.id())
			.map(p -> new Membership(p, user, p.myRole()))
			.orElseThrow(() -> NotFoundException.of("Project"));
	}

	/**
	 * The public projects with this key (the address of their public pages), oldest
	 * first; without a caller, so {@code myRole()} is null.
	 */
	@Transactional(readOnly = true)
	public java.util.List<Project> publicProjects(String key) {
		return this.projects.findPublicByKey(key);
	}

	/** An organization's public projects, by name. */
	@Transactional(readOnly = true)
	public java.util.List<Project> publicProjects(UUID orgId) {
		return this.projects.findPublicInOrganization(orgId);
	}

	/**
	 * A named system actor working in a project with the rights of {@code role}: the
	 * portal files what customers send as {@code SystemActor.PORTAL} with a QA engineer's
	 * rights; an integration acting on verified input (a signed forge webhook) moves bugs
	 * as a developer, so the workflow's rules for that role apply to it. System actors
	 * have no membership rows and cannot sign in: only server code holds such a caller.
	 */
	@Transactional(readOnly = true)
	public Membership asSystem(UUID projectId, CurrentUser actor, ProjectRole role) {
		return this.projects.findAs(projectId, role)
			.map(p -> new Membership(p, actor, role))
			.orElseThrow(() -> NotFoundException.of("Project"));
	}

	/** The projects the user belongs to: the widest scope of anything they may see. */
	@Transactional(readOnly = true)
	public java.util.List<UUID> projectIdsOf(CurrentUser user) {
		return this.projects.findProjectIdsOf(user.id());
	}

	/** Shortcut for {@code membership(ref, user).require(action)}. */
	@Transactional(readOnly = true)
	public Membership require(String projectRef, CurrentUser user, ProjectAction action) {
		return membership(projectRef, user).require(action);
	}

	@Transactional(readOnly = true)
	public Optional<ProjectRole> roleOf(UUID projectId, UUID userId) {
		return this.projects.findRole(projectId, userId);
	}

	/**
	 * The number and starting workflow of a bug about to be filed; call inside the
	 * transaction that inserts it. The project row stays share-locked until then, so a
	 * workflow change never misses a bug filed in a status it removes; concurrent filings
	 * don't wait for each other. A filing that rolls back leaves a gap in the numbers.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public FilingSlot nextBug(UUID projectId) {
		return this.projects.nextBug(projectId).orElseThrow(() -> NotFoundException.of("Project"));
	}

	/**
	 * {@link #nextBug} as SQL for the bug's own insert statement: the number of a bug
	 * filed in {@code status} (the initial status of the workflow as the caller's
	 * membership read it), drawn only while the project's workflow, share-locked, still
	 * has that status; no statement of its own.
	 */
	public FilingNumber numberWithBug(UUID projectId, String status) {
		return ProjectRepository.numberWithBug(projectId, status);
	}

}
