package dev.fixpoint.accounts;

import java.time.Instant;

/**
 * A signed-in browser of the person; {@code current} is the one asking.
 */
public record ActiveSession(String id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, boolean current) {

}
