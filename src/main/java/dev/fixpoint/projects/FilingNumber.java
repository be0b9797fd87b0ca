package dev.fixpoint.projects;

import java.util.Map;

/**
 * A bug's number as SQL for the bug's own insert statement: one CTE named {@code slot}
 * with one column {@code number}, the project's next bug number, drawn while the project
 * row is share-locked (a workflow change waits for the filing, concurrent filings don't
 * wait for each other) and only while the status the bug is filed in is still a status of
 * the project's workflow. Empty otherwise (the workflow changed since the filing read it,
 * or the project is gone): then no number is drawn, the statement writes nothing, and the
 * filing takes {@link ProjectAccess#nextBug} instead. Its parameters start with
 * {@code slot_}.
 */
public record FilingNumber(String cte, Map<String, Object> params) {
}
