package dev.fixpoint.bugs;

import java.time.Instant;

import dev.fixpoint.accounts.UserSummary;

/**
 * One changed field: {@code {id, field, old_value, new_value, user, created_at}};
 * {@code user} null = the system.
 */
public record HistoryEntry(long id, String field, String oldValue, String newValue, UserSummary user,
		Instant createdAt) {
}
