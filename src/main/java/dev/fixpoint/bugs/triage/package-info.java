/**
 * The triage queue: new bugs without severity, priority or assignee, one at a time, with keyboard shortcuts.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.triage;
