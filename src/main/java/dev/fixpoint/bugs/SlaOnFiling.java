package dev.fixpoint.bugs;

import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.projects.Project;

/**
 * Starts the SLA clock of a bug being filed, before its row is written, so the row
 * carries its due time and state from the first write (an insert followed by an update
 * rewrote the row and all its indexes, bench/sql/README.md finding 19). Implemented by
 * the sla module; without one, bugs are filed without a clock.
 */
public interface SlaOnFiling {

	/**
	 * Starts the clock of bug {@code bugId}, whose row follows in the same transaction;
	 * the SLA policy comes from {@code project} as this transaction read it (no second
	 * read of the project row).
	 * @return the bug's {@code sla_due_at} and {@code sla_state}, and the clock's row,
	 * written by the bug's insert statement ({@link FiledBugRows.Rows})
	 */
	Started start(UUID bugId, Project project, Severity severity);

	/**
	 * The clock's first due time and state (both null when the severity has no target)
	 * and the clock's own row.
	 */
	record Started(Instant dueAt, SlaState state, FiledBugRows.Rows clock) {

		static final Started NONE = new Started(null, null, FiledBugRows.Rows.NONE);

	}

}
