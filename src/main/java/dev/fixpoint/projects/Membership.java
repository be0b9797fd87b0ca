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

	/** Why the role table refuses the action, or empty when it allows it. */
	public java.util.Optional<String> refusal(ProjectAction action) {
		return can(action) ? java.util.Optional.empty() : java.util.Optional
			.of("Your role in " + this.project.key() + " (" + this.role.key() + ") does not allow this");
	}

	/** Throws 403 unless the role table allows the action. */
	public Membership require(ProjectAction action) {
		refusal(action).ifPresent(reason -> {
			throw ForbiddenException.because(reason);
		});
		return this;
	}

	/** What this member may do, for the pages: the same table. */
	public Capabilities capabilities() {
		return Capabilities.of(this);
	}

}
