package dev.fixpoint.projects.web;

import java.util.List;

import dev.fixpoint.projects.Project;

/**
 * The caller's projects: the cards of {@code /projects} and the links of the project
 * switcher.
 */
public record ProjectsPage(List<Project> projects) {

	public String bugsUrl(Project project) {
		return ProjectRoutes.bugs(project.key());
	}

	public String newProjectUrl() {
		return ProjectRoutes.NEW_PROJECT;
	}

	public String allProjectsUrl() {
		return ProjectRoutes.PROJECTS;
	}

}
