package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug moved through its workflow. {@code actorId} null = the system (e.g. an
 * integration). Published next to {@link BugChanged} inside the edit's transaction;
 * analytics listens synchronously in it (its rollups), notifications through the outbox
 * after commit. The categories ({@code todo}, {@code in_progress}, {@code done}) tell a
 * resolution (into done) and a reopen (out of done) apart from moves inside a category.
 */
public record BugStatusChanged(UUID bugId, UUID projectId, String key, UUID actorId, String from, String to,
		String fromCategory, String toCategory) {
}
