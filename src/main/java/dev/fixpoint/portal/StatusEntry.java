package dev.fixpoint.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A known problem on an organization's status page ({@code GET /api/status/{org}}): its
 * public title, severity, status in plain words ({@code investigating},
 * {@code fix_in_progress}, {@code fixed}), optional ETA and public note. {@code id} is
 * opaque (no bug keys or numbers reach the public).
 */
public record StatusEntry(UUID id, String title, String severity, String status, String statusLabel, LocalDate eta,
		String note, Instant publishedAt, Instant updatedAt, Instant fixedAt) {

	/** The CSS class of its status badge. */
	public String badge() {
		return switch (this.status) {
			case "fix_in_progress" -> "st-in_progress";
			case "fixed" -> "st-done";
			default -> "st-todo";
		};
	}

}
