package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug was filed. Published inside the filing transaction; notifications listens
 * synchronously in it (plain {@code @EventListener}: the reporter and assignee watch the
 * bug, the assignee is notified). The SLA clock does not listen: it starts through
 * {@link SlaOnFiling} before the row is written.
 */
public record BugCreated(UUID bugId, UUID projectId, String key, UUID reporterId, UUID assigneeId, String severity) {
}
