package dev.fixpoint.bugs.page;

import dev.fixpoint.projects.Capabilities;

/**
 * Which controls the caller sees on a bug, decided by {@link dev.fixpoint.bugs.EditRules}
 * and the role table: the same rules that accept or refuse the edit.
 *
 * @param editReport title and the report's text fields (QA: only on bugs they reported)
 * @param editFields severity, priority, due date, component, tags
 * @param verify set "verified by me" on a bug in a done status that nobody verified yet
 * @param project what the caller may do in the bug's project (navigation, comments)
 */
public record BugPermissions(boolean editReport, boolean editFields, boolean assign, boolean verify,
		Capabilities project) {

	/** The caller is a project admin (workflow, members). */
	public boolean manage() {
		return this.project.admin();
	}

}
