package dev.fixpoint.notifications;

import java.util.UUID;

import dev.fixpoint.workflow.Workflow;

/**
 * What notifications need to know about a bug, read right after the change inside its
 * transaction.
 */
record BugFacts(UUID id, UUID projectId, String key, String title, String status, UUID reporterId, UUID assigneeId,
		Workflow workflow) {

	String statusName(String statusKey) {
		return statusKey == null ? "" : this.workflow.nameOf(statusKey);
	}

}
