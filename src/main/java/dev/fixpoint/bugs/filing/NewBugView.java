package dev.fixpoint.bugs.filing;

import java.util.List;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.projects.ProjectComponent;

/**
 * What {@code bugs/new.jte} shows: the form as typed and the messages of the last
 * attempt, by API field name.
 *
 * @param assignable empty unless the caller may assign
 */
public record NewBugView(Capabilities can, NewBugForm form, FormErrors errors, List<UserSummary> assignable,
		List<ProjectComponent> components) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public boolean canAssign() {
		return this.can.assign();
	}

	public String error(String field) {
		return this.errors.get(field);
	}

	public boolean hasError(String field) {
		return this.errors.has(field);
	}

	/** Errors on fields the form has no input for (a rule about the whole report). */
	public List<String> otherErrors() {
		return this.errors.without(FIELDS).sentences();
	}

	public String action() {
		return BugRoutes.newBug(projectKey());
	}

	/** The "possible duplicates" fragment for the title typed so far. */
	public String similarUrl() {
		return BugRoutes.similar(projectKey());
	}

	public String cancel() {
		return BugRoutes.list(projectKey());
	}

	private static final List<String> FIELDS = List.of("title", "severity", "priority", "description",
			"steps_to_reproduce", "expected_behavior", "actual_behavior", "environment", "tags", "assignee_id",
			"component", "due_date");

}
