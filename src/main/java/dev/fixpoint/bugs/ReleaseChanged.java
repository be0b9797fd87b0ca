package dev.fixpoint.bugs;

import java.util.Map;
import java.util.UUID;

/**
 * Fields of a release changed ({@code name}, {@code description}, {@code due_on},
 * {@code released_on}, {@code archived} -> [old, new] as text; null: unset). Published
 * inside the edit's transaction, only when something changed; fan-out (webhooks'
 * {@code release.updated}) through the outbox after commit. Marking a release released
 * also publishes {@link ReleaseReleased}.
 */
public record ReleaseChanged(UUID releaseId, UUID projectId, String name, UUID actorId, Map<String, Change> changes) {

	public record Change(String oldValue, String newValue) {
	}

}
