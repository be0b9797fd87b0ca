package dev.fixpoint.projects.web;

import dev.fixpoint.platform.web.FormErrors;

/** The new-project form with what was typed and what was wrong with it. */
public record NewProjectPage(ProjectForm form, FormErrors errors) {

	static NewProjectPage empty() {
		return new NewProjectPage(new ProjectForm(null, null, null, false), FormErrors.none());
	}

	public String action() {
		return ProjectRoutes.PROJECTS;
	}

	public String cancelUrl() {
		return ProjectRoutes.PROJECTS;
	}

}
