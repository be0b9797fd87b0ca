package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug got a new assignee ({@code assigneeId} null = unassigned). Published next to
 * {@link BugChanged} inside the edit's transaction; notifications listens synchronously
 * in it.
 */
public record BugAssigned(UUID bugId, UUID projectId, String key, UUID actorId, UUID previousAssigneeId,
		UUID assigneeId) {
}
