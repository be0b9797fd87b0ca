package dev.fixpoint.projects;

import java.util.EnumSet;
import java.util.Set;

import static dev.fixpoint.projects.ProjectRole.ADMIN;
import static dev.fixpoint.projects.ProjectRole.DEVELOPER;
import static dev.fixpoint.projects.ProjectRole.QA;
import static dev.fixpoint.projects.ProjectRole.VIEWER;

/**
 * The role table of the API contract, in one place. Rules that also depend on the bug (a
 * QA engineer edits only their own reports; a developer moves only bugs assigned to them
 * or unassigned) are refinements applied by the bugs and workflow modules on top of these
 * grants.
 */
public enum ProjectAction {

	READ(ADMIN, DEVELOPER, QA, VIEWER), CREATE_BUG(ADMIN, DEVELOPER, QA), COMMENT(ADMIN, DEVELOPER, QA),
	ATTACH(ADMIN, DEVELOPER, QA),
	/** All fields; QA gets a restricted version (own reports, report fields only). */
	EDIT_BUG(ADMIN, DEVELOPER, QA), ASSIGN(ADMIN, DEVELOPER),
	/** Subject to the workflow's transition roles. */
	CHANGE_STATUS(ADMIN, DEVELOPER, QA), VERIFY_FIX(ADMIN, DEVELOPER, QA), READ_INTERNAL(ADMIN, DEVELOPER, QA),
	DELETE_BUG(ADMIN), MANAGE_PROJECT(ADMIN);

	private final Set<ProjectRole> roles;

	ProjectAction(ProjectRole... roles) {
		this.roles = EnumSet.of(roles[0], roles);
	}

	public boolean allowedFor(ProjectRole role) {
		return this.roles.contains(role);
	}

}
