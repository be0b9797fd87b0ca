package dev.fixpoint.bugs;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A {@link NewBug} that passed {@link BugRules#validateNew}: every value normalized
 * (priority defaults to P2, tags lower-case and unique, texts never null). The component
 * is still a name and the assignee an unchecked id: whether they fit the project is
 * decided when filing.
 */
record ValidNewBug(ReportText report, Severity severity, Priority priority, UUID assigneeId, String component,
		List<String> tags, LocalDate dueDate, String affects) {
}
