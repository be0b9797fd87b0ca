package dev.fixpoint.triage.web;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.triage.Suggestion;
import dev.fixpoint.triage.Suggestions;
import dev.fixpoint.triage.Triage;

/**
 * What {@code triage/panel.jte} shows on a bug's page: the suggestions that differ from
 * the bug as it is, each with its reason, and Accept/Dismiss where the viewer may change
 * that field.
 */
public record PanelView(Bug bug, Suggestions suggestions, Triage.Allowed allowed) {

	public String action() {
		return TriageRoutes.panel(this.bug.key());
	}

	/** The severity suggestion, when it would change the bug. */
	public Suggestion severity() {
		Suggestion s = this.suggestions.severity();
		return s != null && !s.value().equals(this.bug.severity().key()) ? s : null;
	}

	public Suggestion priority() {
		Suggestion s = this.suggestions.priority();
		return s != null && !s.value().equals(this.bug.priority().key()) ? s : null;
	}

	public boolean empty() {
		return severity() == null && priority() == null && this.suggestions.assignee() == null
				&& this.suggestions.duplicates().isEmpty();
	}

	public boolean canResolveAsDuplicate() {
		return this.allowed.resolveAsDuplicate() && this.bug.duplicateOf() == null;
	}

	public static String percent(double score) {
		return SimilarView.percent(score);
	}

}
