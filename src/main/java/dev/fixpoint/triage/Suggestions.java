package dev.fixpoint.triage;

import java.util.List;

/**
 * What triage suggests for a bug; a part switched off for the project, or with nothing to
 * go on, is null (duplicates: empty).
 */
public record Suggestions(Suggestion severity, Suggestion priority, AssigneeSuggestion assignee,
		List<DuplicateCandidate> duplicates) {
}
