/**
 * Editing a project's workflow: the editor page ({@code /p/{KEY}/settings/workflow}, with
 * a live preview), the workflow API ({@code GET/PUT /api/projects/{id}/workflow},
 * {@code GET /api/workflow-templates}); templates under
 * {@code src/main/jte/workflow/editor}.
 * <p>
 * Public API: {@link dev.fixpoint.workflow.editor.ProjectWorkflows} (which bugs a new
 * workflow would strand; replace a workflow),
 * {@link dev.fixpoint.workflow.editor.StrandedBugsException},
 * {@link dev.fixpoint.workflow.editor.WorkflowRoutes}.
 * <p>
 * Rules: only project admins replace a workflow. The new workflow must pass
 * {@link dev.fixpoint.workflow.WorkflowValidator}; bugs in a removed status need a
 * {@code status_mapping} (else 409 naming the statuses and counts, from
 * {@code BugQueries.countAllByStatus}) and move through
 * {@code BugManagement.moveAllInStatus}, one history entry each, in the same transaction
 * as the new workflow, with the project row locked. Moving them publishes no bug events.
 * Listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.workflow.editor;
