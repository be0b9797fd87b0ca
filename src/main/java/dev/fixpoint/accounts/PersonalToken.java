package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * A named personal access token as listed to its owner; the secret itself is only in
 * {@link CreatedToken}. {@code tokenPrefix} (the first characters) helps people tell
 * their tokens apart; a {@code readOnly} token may only read.
 */
public record PersonalToken(UUID id, String name, String tokenPrefix, Instant createdAt, Instant lastUsedAt,
		Instant expiresAt, boolean readOnly) {
}
