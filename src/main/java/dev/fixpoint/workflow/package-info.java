/**
 * Bug workflows as data: statuses with categories, transitions with the roles allowed to
 * take them and the fields they require, the built-in templates, and the decision "may
 * this person move this bug from A to B?". Pure rules: no database, no web; a project's
 * workflow is stored by projects ({@code projects.workflow}).
 * <p>
 * Public API: {@link dev.fixpoint.workflow.Workflow} (the contract's JSON shape),
 * {@link dev.fixpoint.workflow.StatusCategory},
 * {@link dev.fixpoint.workflow.WorkflowTemplates} (default, simple, QA verification,
 * Kanban), {@link dev.fixpoint.workflow.WorkflowValidator} (refuses unworkable workflows:
 * not exactly one initial status, no done status, unreachable statuses, unknown roles or
 * fields; {@code REQUIRABLE_FIELDS} lists the fields a transition may require),
 * {@link dev.fixpoint.workflow.TransitionPolicy} with
 * {@link dev.fixpoint.workflow.TransitionRequest} and
 * {@link dev.fixpoint.workflow.TransitionDecision} (roles, required fields, the rules
 * {@code field_required} and {@code assignee_only}).
 * <p>
 * The editor page and the workflow API are the nested module {@code workflow.editor}.
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.workflow;
