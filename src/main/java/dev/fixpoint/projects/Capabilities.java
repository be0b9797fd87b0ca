package dev.fixpoint.projects;

/**
 * What the current member may do in a project, for the pages: every control a page
 * renders asks this record, and every answer comes from {@link ProjectAction}, the same
 * role table the services enforce with {@link Membership#require}. Rules that also depend
 * on a bug (QA edits only their own reports, developers move only bugs that are theirs or
 * nobody's) refine these in the bugs module, again with the code the services use.
 * <p>
 * Also the project frame of a page: its key and name (navigation, "New bug").
 */
public record Capabilities(String projectKey, String projectName, ProjectRole role) {

	public static Capabilities of(Membership member) {
		return new Capabilities(member.project().key(), member.project().name(), member.role());
	}

	public boolean can(ProjectAction action) {
		return action.allowedFor(this.role);
	}

	/** "New bug", the new-bug form, sharing a saved filter's creation. */
	public boolean fileBugs() {
		return can(ProjectAction.CREATE_BUG);
	}

	public boolean comment() {
		return can(ProjectAction.COMMENT);
	}

	/** Internal notes: reading them, and the "internal" switch of the comment form. */
	public boolean internalNotes() {
		return can(ProjectAction.READ_INTERNAL);
	}

	public boolean upload() {
		return can(ProjectAction.ATTACH);
	}

	public boolean edit() {
		return can(ProjectAction.EDIT_BUG);
	}

	public boolean assign() {
		return can(ProjectAction.ASSIGN);
	}

	/** Status changes at all (the workflow then says which). */
	public boolean transition() {
		return can(ProjectAction.CHANGE_STATUS);
	}

	public boolean verifyFix() {
		return can(ProjectAction.VERIFY_FIX);
	}

	/**
	 * Project settings: members, components, workflow, SLA targets, attachment rules.
	 */
	public boolean admin() {
		return can(ProjectAction.MANAGE_PROJECT);
	}

}
