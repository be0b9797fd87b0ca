package dev.fixpoint.triage;

import java.util.List;

/**
 * What triage suggests for a bug; a part switched off for the project, or with nothing to
 * go on, is null (duplicates: empty). {@code enabled} false: the sentence model is off on
 * this server ({@code fixpoint.triage.enabled}) or the project switched every suggestion
 * off, so nothing is suggested, possible duplicates are found by words alone and the bug
 * page shows no suggestions panel.
 */
public record Suggestions(boolean enabled, Suggestion severity, Suggestion priority, AssigneeSuggestion assignee,
		List<DuplicateCandidate> duplicates) {
}
