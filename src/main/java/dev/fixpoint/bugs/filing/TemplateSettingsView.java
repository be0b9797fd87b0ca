package dev.fixpoint.bugs.filing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugTemplate;
import dev.fixpoint.bugs.BugTemplates;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;

/**
 * What {@code bugs/filing/templates.jte} shows: the project's kinds of report, each with
 * its form, and the form to add one.
 *
 * @param editing the template whose form was refused (shown open with what was typed), or
 * null for the new one's
 */
public record TemplateSettingsView(Capabilities can, List<BugTemplate> templates, TemplateForm form, UUID editing,
		FormErrors errors, String saved) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String action() {
		return TemplateSettingsController.url(projectKey());
	}

	public String action(BugTemplate t) {
		return action() + "/" + t.id();
	}

	/** The form of a template: as typed after a refusal, else as stored. */
	public TemplateForm form(BugTemplate t) {
		return t.id().equals(this.editing) ? this.form : TemplateForm.of(t);
	}

	/** The errors of a template's form, or of the new one's ({@code t} null). */
	public FormErrors errors(BugTemplate t) {
		UUID id = t == null ? null : t.id();
		return java.util.Objects.equals(id, this.editing) ? this.errors : FormErrors.none();
	}

	public TemplateForm newForm() {
		return this.editing == null ? this.form : TemplateForm.blank();
	}

	public String requiredText(BugTemplate t) {
		return BugTemplates.requiredText(t);
	}

	public Map<String, String> requirable() {
		return BugTemplates.labels();
	}

	public String fileUrl(BugTemplate t) {
		return "/p/" + projectKey() + "/bugs/new?template="
				+ java.net.URLEncoder.encode(t.name(), java.nio.charset.StandardCharsets.UTF_8);
	}

}
