package dev.fixpoint.triage;

import java.util.List;

/**
 * What triage suggests for a bug; a part switched off for the project, or with nothing to
 * go on, is null (duplicates: empty). {@code enabled} false: the sentence model is off on
 * this server ({@code fixpoint.triage.enabled}), so nothing is suggested and possible
 * duplicates are found by words alone.
 */
public record Suggestions(boolean enabled, Suggestion severity, Suggestion priority, AssigneeSuggestion assignee,
		List<DuplicateCandidate> duplicates) {
}
