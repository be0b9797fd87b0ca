package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug was filed. Published inside the filing transaction; in it, analytics counts it
 * and notifications makes the reporter and assignee watch it (plain
 * {@code @EventListener}s); the assignee's notification is fan-out, through the outbox
 * after commit. The SLA clock does not listen: it starts through {@link SlaOnFiling}
 * before the row is written.
 */
public record BugCreated(UUID bugId, UUID projectId, String key, UUID reporterId, UUID assigneeId, String severity) {
}
