package dev.fixpoint.bugs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bug report as filed: {@code POST /api/projects/{id}/bugs} and the new-bug form.
 * Validated by the service (one set of rules for API and UI), so this record only carries
 * what was sent.
 */
public record NewBug(String title, String description, String stepsToReproduce, String expectedBehavior,
		String actualBehavior, Map<String, String> environment, Severity severity, Priority priority, UUID assigneeId,
		String component, List<String> tags, LocalDate dueDate) {
}
