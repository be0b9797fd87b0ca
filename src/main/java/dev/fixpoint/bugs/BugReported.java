package dev.fixpoint.bugs;

import java.util.UUID;

/** A bug was filed. Published after commit. */
public record BugReported(UUID bugId, UUID projectId, String key, UUID reporterId, UUID assigneeId, String severity) {
}
