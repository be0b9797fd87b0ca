package dev.fixpoint.portal;

import java.util.UUID;

import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectRole;

import org.springframework.stereotype.Component;

/**
 * Which portals are open: a public project whose admin enabled its portal. Anything else
 * (a private project, a portal switched off, no such key) is the same 404.
 */
@Component
class PortalProjects {

	/** A project whose portal is open, with its settings. */
	record OpenPortal(Project project, PortalSettings settings) {

		UUID projectId() {
			return this.project.id();
		}

	}

	private final ProjectAccess access;

	private final PortalRepository portal;

	private final Organizations organizations;

	private final StatusPage status;

	private final PortalBranding branding;

	PortalProjects(ProjectAccess access, PortalRepository portal, Organizations organizations, StatusPage status,
			PortalBranding branding) {
		this.access = access;
		this.portal = portal;
		this.organizations = organizations;
		this.status = status;
		this.branding = branding;
	}

	/** The branding of the project's organization (its portal pages and emails). */
	Branding branding(Project project) {
		return this.branding.of(project.orgId());
	}

	/** The address of the project's organization's status page. */
	String statusPagePath(Project project) {
		return this.organizations.byId(project.orgId()).map(org -> "/status/" + org.slug()).orElse(null);
	}

	java.util.List<StatusEntry> similar(OpenPortal portal, String title) {
		return this.status.similar(portal.projectId(), title);
	}

	OpenPortal open(String projectKey) {
		if (projectKey == null || !projectKey.matches("^[A-Za-z][A-Za-z0-9]{1,9}$")) {
			throw NotFoundException.of("Portal");
		}
		for (Project project : this.access.publicProjects(projectKey)) {
			PortalSettings settings = this.portal.settings(project.id()).orElse(null);
			if (settings != null && settings.on()) {
				return new OpenPortal(project, settings);
			}
		}
		throw NotFoundException.of("Portal");
	}

	PortalSettings settings(UUID projectId) {
		return this.portal.settings(projectId).orElseGet(PortalSettings::defaults);
	}

	/** The portal's actor in the project: files, comments and attaches there. */
	Membership actor(UUID projectId) {
		return this.access.asSystem(projectId, PortalActor.user(), ProjectRole.QA);
	}

}
