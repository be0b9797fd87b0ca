package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters of a bug list, resolved to ids (all optional, all combinable).
 *
 * @param assigneeIds null = any; an empty list never happens; {@code unassigned} = assignee is null
 */
public record BugFilter(List<String> statuses, List<Severity> severities, List<Priority> priorities, UUID assigneeId,
		boolean unassigned, UUID reporterId, List<String> tags, UUID componentId, Instant createdFrom,
		Instant createdTo, Instant updatedFrom, Instant updatedTo, LocalDate dueBefore, String text) {

	public static BugFilter none() {
		return new BugFilter(List.of(), List.of(), List.of(), null, false, null, List.of(), null, null, null, null,
				null, null, null);
	}

}
