package dev.fixpoint.workflow.editor;

import java.util.List;
import java.util.Map;

import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.workflow.WorkflowTemplates;
import dev.fixpoint.workflow.WorkflowValidator;

/**
 * What {@code bugs/workflow.jte} and its fragments show: the form being edited, what is
 * wrong with it, and where the bugs of removed statuses would go.
 *
 * @param problems the validator's words, empty when the workflow can be saved
 * @param stranded bugs per status that the edited workflow removes (the mapping step),
 * empty when none
 * @param saved the workflow was just saved
 */
public record WorkflowEditorView(Capabilities can, WorkflowForm form, List<String> problems,
		Map<String, Integer> stranded, List<WorkflowTemplates.Template> templates, boolean saved) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	/** One status of the diagram with its outgoing transitions. */
	public record Node(WorkflowForm.StatusRow status, List<Arrow> arrows) {
	}

	/**
	 * @param to the target's name
	 */
	public record Arrow(String to, String name, String who) {
	}

	public String url() {
		return WorkflowRoutes.editor(projectKey());
	}

	public String previewUrl() {
		return WorkflowRoutes.preview(projectKey());
	}

	public List<String> roles() {
		return WorkflowForm.ROLES;
	}

	public List<String> fields() {
		return WorkflowValidator.REQUIRABLE_FIELDS;
	}

	public List<String> categories() {
		return List.of("todo", "in_progress", "done");
	}

	public String categoryLabel(String category) {
		return switch (category) {
			case "todo" -> "To do";
			case "in_progress" -> "In progress";
			case "done" -> "Done";
			default -> category;
		};
	}

	public String fieldLabel(String field) {
		return field.replace('_', ' ');
	}

	public WorkflowForm.TransitionRow transition(String fromId, String toId) {
		return this.form.transition(fromId, toId).orElse(null);
	}

	public String nameOf(String rowId) {
		WorkflowForm.StatusRow row = this.form.row(rowId);
		return row == null ? rowId : row.name().isBlank() ? row.key() : row.name();
	}

	/** The diagram: statuses in order, each with where it leads and who may take it. */
	public List<Node> diagram() {
		return this.form.statuses()
			.stream()
			.map(s -> new Node(s,
					this.form.transitions()
						.stream()
						.filter(t -> t.from().equals(s.id()))
						.map(t -> new Arrow(nameOf(t.to()), t.name().isBlank() ? "Move to " + nameOf(t.to()) : t.name(),
								who(t)))
						.toList()))
			.toList();
	}

	private static String who(WorkflowForm.TransitionRow t) {
		String roles = t.roles().isEmpty() ? "admin only" : String.join(", ", t.roles());
		String needs = t.fields().isEmpty() ? "" : "; needs " + String.join(", ", t.fields()).replace('_', ' ');
		return roles + (t.assigneeOnly() ? "; assignee only" : "") + needs;
	}

	/**
	 * The statuses bugs of a removed status may be moved to (keys of the edited
	 * workflow).
	 */
	public List<WorkflowForm.StatusRow> targets() {
		return this.form.statuses().stream().filter(s -> !s.key().isBlank()).toList();
	}

	public String mappedTo(String removed) {
		return this.form.mapping().getOrDefault(removed, "");
	}

}
