package dev.fixpoint.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription to an organization's status page, as its admins see it ({@code GET
 * /api/orgs/{org}/status/subscribers}): the address, what it follows (the whole page:
 * {@code entry_id} null; or one entry, with its public title) and whether it was
 * confirmed (double opt-in; {@code confirmed_at} null while it waits).
 */
public record StatusSubscriber(UUID id, String email, UUID entryId, String entryTitle, Instant createdAt,
		Instant confirmedAt) {
}
