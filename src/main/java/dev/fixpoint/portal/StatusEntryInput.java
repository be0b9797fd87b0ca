package dev.fixpoint.portal;

import java.time.LocalDate;

/**
 * Publishing a bug on the status page, {@code PUT /api/bugs/{id}/status-entry}:
 * {@code {public_title, public_note?, eta?}}; the public wording, never the bug's own.
 */
public record StatusEntryInput(String publicTitle, String publicNote, LocalDate eta) {
}
