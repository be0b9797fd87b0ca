package dev.fixpoint.workflow.editor;

/**
 * The workflow editor's URLs and element ids, used by its controller and templates alike.
 */
public final class WorkflowRoutes {

	/**
	 * The workflow editor's form: structural changes (add, remove, move, template)
	 * re-render it.
	 */
	public static final String EDITOR_ID = "workflow-editor";

	/**
	 * Problems and diagram of the workflow being edited, refreshed as the form changes.
	 */
	public static final String PREVIEW_ID = "workflow-preview";

	private WorkflowRoutes() {
	}

	public static String editor(String projectKey) {
		return "/p/" + projectKey + "/settings/workflow";
	}

	public static String preview(String projectKey) {
		return editor(projectKey) + "/preview";
	}

}
