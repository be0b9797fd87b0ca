package dev.fixpoint.search;

import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;

/**
 * A named query: personal, or shared with the project. {@code {id, name, query, shared,
 * owner, created_at}}.
 */
public record SavedFilter(UUID id, UUID projectId, String name, String query, boolean shared, UserSummary owner,
		Instant createdAt) {
}
