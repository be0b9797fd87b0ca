package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A project admin created a release. Published inside the creating transaction; fan-out
 * (webhooks' {@code release.created}) through the outbox after commit.
 */
public record ReleaseCreated(UUID releaseId, UUID projectId, String name, UUID actorId) {
}
