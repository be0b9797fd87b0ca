package dev.fixpoint.triage;

/**
 * Which suggestions a project shows; all on by default. Off, a suggestion is neither
 * computed nor shown (duplicates off: "similar bugs" ranks by words alone).
 */
public record TriageSettings(boolean duplicates, boolean severity, boolean priority, boolean assignee) {

	public static final TriageSettings ALL_ON = new TriageSettings(true, true, true, true);

}
