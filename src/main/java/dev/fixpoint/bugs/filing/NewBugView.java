package dev.fixpoint.bugs.filing;

import java.util.List;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.BugTemplate;
import dev.fixpoint.bugs.Release;
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
		List<ProjectComponent> components, List<BugTemplate> templates, List<Release> releases) {

	/** The template the form follows, or null. */
	public BugTemplate template() {
		String name = this.form.template();
		return name == null || name.isBlank() ? null
				: this.templates.stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
	}

	public String requiredText(BugTemplate t) {
		return dev.fixpoint.bugs.BugTemplates.requiredText(t);
	}

	/** Whether the chosen template requires this field (API name). */
	public boolean required(String field) {
		BugTemplate t = template();
		return t != null && t.requiredFields().contains(field);
	}

	/** The new-bug form following a template (a plain link: works without JavaScript). */
	public String templateUrl(BugTemplate t) {
		return action() + "?template=" + java.net.URLEncoder.encode(t.name(), java.nio.charset.StandardCharsets.UTF_8);
	}

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
			"component", "due_date", "affects");

}
