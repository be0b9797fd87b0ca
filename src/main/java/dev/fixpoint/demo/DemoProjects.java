package dev.fixpoint.demo;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.NewProject;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.projects.Projects;

import org.springframework.stereotype.Component;

/**
 * Creates a demo project in Acme as Alice, then adds its members and components like a
 * project admin would.
 */
@Component
class DemoProjects {

	private final Projects projects;

	private final ProjectMembers members;

	private final ProjectComponents components;

	DemoProjects(Projects projects, ProjectMembers members, ProjectComponents components) {
		this.projects = projects;
		this.members = members;
		this.components = components;
	}

	Project setUp(DemoProject spec, Team team) {
		CurrentUser alice = team.admin();
		Project project = this.projects
			.create(new NewProject(spec.name(), spec.key(), spec.description(), team.organizationId(), false), alice);
		String ref = project.id().toString();
		spec.members().forEach((username, role) -> this.members.add(ref, alice, username, role));
		spec.components()
			.forEach((name, owner) -> this.components.create(ref, alice, name,
					owner == null ? null : team.get(owner).id()));
		return project;
	}

}
