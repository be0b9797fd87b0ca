package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A release (version, milestone) of a project, with the progress of the bugs fixed in it.
 *
 * @param dueOn when it is planned, if set
 * @param releasedOn when it shipped, if it did
 * @param archived hidden from pickers and the project's list of releases; its bugs keep
 * it
 * @param openCount bugs with {@code fixed_in} this release that are not done
 * @param resolvedCount bugs with {@code fixed_in} this release that are done
 */
public record Release(UUID id, UUID projectId, String name, String description, LocalDate dueOn, LocalDate releasedOn,
		boolean archived, int openCount, int resolvedCount, Instant createdAt, Instant updatedAt) {

	/** Done bugs in percent of all bugs fixed in it (0 without bugs). */
	public int percentDone() {
		int total = this.openCount + this.resolvedCount;
		return total == 0 ? 0 : this.resolvedCount * 100 / total;
	}

}
