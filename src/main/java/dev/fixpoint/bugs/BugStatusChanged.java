package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug moved through its workflow. {@code actorId} null = the system (e.g. an
 * integration). Published next to {@link BugChanged} inside the edit's transaction;
 * notifications listens synchronously in it.
 */
public record BugStatusChanged(UUID bugId, UUID projectId, String key, UUID actorId, String from, String to,
		String toCategory) {
}
