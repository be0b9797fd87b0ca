/**
 * Editing a project's workflow: the editor page and the workflow API. Replacing a workflow moves the bugs of removed statuses through the bugs module's public API.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.workflow.editor;
