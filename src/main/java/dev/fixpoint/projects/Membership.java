package dev.fixpoint.projects;

import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;

/**
 * The caller inside a project: which project, which role, and the checks of the role
 * table.
 */
public record Membership(Project project, CurrentUser user, ProjectRole role) {

	public UUID projectId() {
		return this.project.id();
	}

	public boolean can(ProjectAction action) {
		return action.allowedFor(this.role);
	}

	/** Throws 403 unless the role table allows the action. */
	public Membership require(ProjectAction action) {
		if (!can(action)) {
			throw ForbiddenException
				.because("Your role in " + this.project.key() + " (" + this.role.key() + ") does not allow this");
		}
		return this;
	}

}
