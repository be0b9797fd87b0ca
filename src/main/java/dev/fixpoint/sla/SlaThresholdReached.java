package dev.fixpoint.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A bug's SLA clock crossed 50, 75 or 100 % of its target. Published exactly once per
 * bug, threshold and SLA period (a reopen or a severity change starts a new period) by
 * the escalation job, right after it inserted the escalation's row, in the job's
 * transaction; the notifications module gets it through the outbox after that commits and
 * turns it into in-app notifications and emails (assignee; project admins too at 100 %).
 */
public record SlaThresholdReached(UUID bugId, UUID projectId, String key, String title, String severity,
		UUID assigneeId, int percent, Instant dueAt) {

	public boolean breached() {
		return this.percent >= 100;
	}

}
