package dev.fixpoint.triage;

import java.util.List;

import dev.fixpoint.accounts.UserSummary;

/** A suggested assignee, with why and from which similar bugs. */
public record AssigneeSuggestion(UserSummary user, String reason, List<String> similar, double confidence) {
}
