package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A row of {@code bugs} with its project key; never leaves the module. */
record BugRow(UUID id, UUID projectId, String projectKey, int number, String title, String description,
		String stepsToReproduce, String expectedBehavior, String actualBehavior, Map<String, String> environment,
		Severity severity, Priority priority, String status, String resolution, UUID reporterId, UUID assigneeId,
		UUID componentId, List<String> tags, LocalDate dueDate, Instant slaDueAt, UUID verifiedBy, Instant resolvedAt,
		Instant closedAt, String githubIssueUrl, List<Object> linkedPrs, int version, Instant createdAt,
		Instant updatedAt, UUID duplicateOf, SlaState slaState) {

	String key() {
		return this.projectKey + "-" + this.number;
	}

}
