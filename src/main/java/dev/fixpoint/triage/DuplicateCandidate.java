package dev.fixpoint.triage;

/** A possible duplicate among a bug's suggestions: its key, title, status and score. */
public record DuplicateCandidate(String bug, String title, String status, boolean open, double score) {
}
