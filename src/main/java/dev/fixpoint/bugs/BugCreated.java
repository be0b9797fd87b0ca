package dev.fixpoint.bugs;

import java.util.UUID;

/** A bug was filed. Consumed after commit (@ApplicationModuleListener). */
public record BugCreated(UUID bugId, UUID projectId, String key, UUID reporterId, UUID assigneeId, String severity) {
}
