package dev.fixpoint.bugs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;

/**
 * A bug as the API and pages show it: the contract's {@code bug} object. {@code fixedIn}
 * and {@code affects} are release names.
 */
public record Bug(UUID id, String key, int number, UUID projectId, String title, String description,
		String stepsToReproduce, String expectedBehavior, String actualBehavior, Map<String, String> environment,
		Severity severity, Priority priority, String status, String resolution, UserSummary reporter,
		UserSummary assignee, String component, List<String> tags, LocalDate dueDate, Instant slaDueAt,
		UserSummary verifiedBy, Instant resolvedAt, Instant closedAt, String githubIssueUrl, List<Object> linkedPrs,
		int version, Instant createdAt, Instant updatedAt, String duplicateOf, SlaState slaState, String fixedIn,
		String affects) {
}
