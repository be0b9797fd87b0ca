package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug the caller may see, located without reading the rest of it: for modules that
 * attach things to bugs (comments, attachments) and need only where it lives.
 */
public record BugRef(UUID id, UUID projectId, String key) {
}
