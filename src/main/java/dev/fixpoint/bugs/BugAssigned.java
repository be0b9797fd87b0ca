package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug got a new assignee ({@code assigneeId} null = unassigned). Published next to
 * {@link BugChanged} inside the edit's transaction; notifications makes the assignee
 * watch the bug in it and notifies them through the outbox after commit.
 */
public record BugAssigned(UUID bugId, UUID projectId, String key, UUID actorId, UUID previousAssigneeId,
		UUID assigneeId) {
}
