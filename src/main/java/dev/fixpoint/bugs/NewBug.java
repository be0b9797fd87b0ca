package dev.fixpoint.bugs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bug report as filed: {@code POST /api/projects/{id}/bugs} and the new-bug form.
 * Validated by the service (one set of rules for API and UI), so this record only carries
 * what was sent.
 *
 * @param affects the name of the release the bug was found in
 * @param template the name of the project's bug template (kind of report) it follows: its
 * required fields must be filled
 */
public record NewBug(String title, String description, String stepsToReproduce, String expectedBehavior,
		String actualBehavior, Map<String, String> environment, Severity severity, Priority priority, UUID assigneeId,
		String component, List<String> tags, LocalDate dueDate, String affects, String template) {

	/** A report without a release or a template. */
	public NewBug(String title, String description, String stepsToReproduce, String expectedBehavior,
			String actualBehavior, Map<String, String> environment, Severity severity, Priority priority,
			UUID assigneeId, String component, List<String> tags, LocalDate dueDate) {
		this(title, description, stepsToReproduce, expectedBehavior, actualBehavior, environment, severity, priority,
				assigneeId, component, tags, dueDate, null, null);
	}

}
