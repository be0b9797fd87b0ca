package dev.fixpoint.bugs;

import java.util.Map;
import java.util.UUID;

/**
 * Fields of a bug changed ({@code field -> [old, new]} as stored in history). Published after commit; the
 * status, assignee and severity changes that other modules care about are all in {@code changes}.
 */
public record BugChanged(UUID bugId, UUID projectId, String key, UUID actorId, Map<String, Change> changes) {

	public record Change(String oldValue, String newValue) {
	}

	public boolean changed(String field) {
		return this.changes.containsKey(field);
	}

}
