package dev.fixpoint.bugs;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A release shipped: its {@code released_on} was set where it had none (an edit; a
 * release created as already released is only {@link ReleaseCreated}). Published next to
 * {@link ReleaseChanged} inside the edit's transaction; fan-out (webhooks'
 * {@code release.released}) through the outbox after commit.
 */
public record ReleaseReleased(UUID releaseId, UUID projectId, String name, UUID actorId, LocalDate releasedOn) {
}
