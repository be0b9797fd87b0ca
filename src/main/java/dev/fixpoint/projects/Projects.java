package dev.fixpoint.projects;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.Plans;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Names;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, listing, changing and deleting projects. */
@Service
public class Projects {

	private final ProjectRepository projects;

	private final ProjectAccess access;

	private final Organizations organizations;

	private final AuditLog audit;

	private final Plans plans;

	private final ObjectProvider<RepositoryLinks> repositoryLinks;

	Projects(ProjectRepository projects, ProjectAccess access, Organizations organizations, AuditLog audit, Plans plans,
			ObjectProvider<RepositoryLinks> repositoryLinks) {
		this.projects = projects;
		this.access = access;
		this.organizations = organizations;
		this.audit = audit;
		this.plans = plans;
		this.repositoryLinks = repositoryLinks;
	}

	/**
	 * Creates a project in the given organization (default: the caller's first); the
	 * creator becomes its admin.
	 */
	@Transactional
	public Project create(NewProject project, CurrentUser user) {
		OrganizationMembership org = project.orgId() != null
				? this.organizations.membership(project.orgId().toString(), user)
				: this.organizations.of(user.id())
					.stream()
					.filter(OrganizationMembership::isAdmin)
					.findFirst()
					.orElseGet(() -> this.organizations.create(user.name(), user.username(), user.id()));
		this.plans.checkNewProject(org.id(), this.projects.findKeysInOrganization(org.id()).size());
		if (this.projects.keyTaken(org.id(), project.key())) {
			throw ConflictException.on("key", "is already used by another project in " + org.name());
		}
		UUID id = Ids.newId();
		String base = Names.slug(project.name());
		String slug = base;
		for (int i = 2; this.projects.slugTaken(org.id(), slug); i++) {
			slug = base + "-" + i;
		}
		this.projects.insert(id, org.id(), project.key(), project.name(), slug, project.description(),
				Boolean.TRUE.equals(project.isPublic()));
		this.projects.upsertMember(id, user.id(), ProjectRole.ADMIN);
		this.audit.record(AuditEvent.of("project.created", user.id())
			.org(org.id())
			.target("project", id, project.key())
			.change(null, Map.of("name", project.name(), "key", project.key())));
		return this.access.membership(id, user).project();
	}

	@Transactional(readOnly = true)
	public List<Project> mine(CurrentUser user) {
		return this.projects.findAllForMember(user.id());
	}

	@Transactional
	public Project update(String projectRef, ProjectChanges changes, CurrentUser user) {
		Project project = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT).project();
		if (changes.name() != null && changes.name().isBlank()) {
			throw InvalidInputException.of("name", "must not be blank");
		}
		this.projects.update(project.id(), changes.name() != null ? changes.name().trim() : project.name(),
				changes.description() != null ? changes.description().trim() : project.description(),
				changes.isPublic() != null ? changes.isPublic() : project.isPublic());
		if (!changes.repositories().isEmpty()) {
			RepositoryLinks links = this.repositoryLinks.getIfAvailable();
			if (links == null) {
				throw InvalidInputException.of("github_repo", "repository links are not available");
			}
			showRepositories(project.id(),
					links.change(this.access.membership(project.id(), user), changes.repositories()));
		}
		Project updated = this.access.membership(project.id(), user).project();
		this.audit.record(AuditEvent.of("project.settings_changed", user.id())
			.org(project.orgId())
			.target("project", project.id(), project.key())
			.change(settings(project), settings(updated)));
		return updated;
	}

	/**
	 * Records what the project shows of its first repository links; called by the module
	 * that owns them whenever they change, in its transaction.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void showRepositories(UUID projectId, RepositoryLinks.RepositorySummary summary) {
		this.projects.updateRepositories(projectId, summary);
	}

	/**
	 * Project keys of an organization: text like "WEB-12" only links to a bug where WEB
	 * is one of them.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<String> keysInOrganization(UUID orgId) {
		return java.util.Set.copyOf(this.projects.findKeysInOrganization(orgId));
	}

	/**
	 * Stores a validated workflow; called by the use case that also migrates the bugs (in
	 * the same transaction, with the project row locked so no bug is filed in a status
	 * that is going away).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void saveWorkflow(Membership admin, dev.fixpoint.workflow.Workflow workflow) {
		admin.require(ProjectAction.MANAGE_PROJECT);
		this.projects.updateWorkflow(admin.projectId(), workflow);
		this.audit.record(AuditEvent.of("project.workflow_changed", admin.user().id())
			.org(admin.project().orgId())
			.target("project", admin.projectId(), admin.project().key())
			.change(Map.of("statuses", statusKeys(admin.project().workflow())),
					Map.of("statuses", statusKeys(workflow))));
	}

	/** Locks the project row until the transaction ends. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void lock(Membership member) {
		this.projects.lock(member.projectId());
	}

	@Transactional
	public void delete(String projectRef, CurrentUser user) {
		Project project = this.access.require(projectRef, user, ProjectAction.MANAGE_PROJECT).project();
		this.projects.delete(project.id());
		this.audit.record(AuditEvent.of("project.deleted", user.id())
			.org(project.orgId())
			.target("project", project.id(), project.key())
			.change(Map.of("name", project.name(), "key", project.key()), null));
	}

	private static Map<String, Object> settings(Project project) {
		return Map.of("name", project.name(), "description", project.description(), "is_public", project.isPublic());
	}

	private static List<String> statusKeys(dev.fixpoint.workflow.Workflow workflow) {
		return workflow == null ? List.of() : workflow.statuses().stream().map(s -> s.key()).toList();
	}

}
