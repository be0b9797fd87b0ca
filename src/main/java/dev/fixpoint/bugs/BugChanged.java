package dev.fixpoint.bugs;

import java.util.Map;
import java.util.UUID;

/**
 * Fields of a bug changed ({@code field -> [old, new]} as stored in history);
 * {@code actorId} null = the system (an SLA breach raising the priority). Published
 * inside the transaction that changed the bug; sla listens synchronously in it (plain
 * {@code @EventListener}), so the bug's SLA clock commits or rolls back with the change.
 * The status, assignee and severity changes that other modules care about are all in
 * {@code changes}.
 */
public record BugChanged(UUID bugId, UUID projectId, String key, UUID actorId, Map<String, Change> changes) {

	public record Change(String oldValue, String newValue) {
	}

	public boolean changed(String field) {
		return this.changes.containsKey(field);
	}

}
