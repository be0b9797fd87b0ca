package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * A bug was filed. Published inside the filing transaction, after the bug's statement
 * (which also wrote the other modules' rows of a new bug: {@link FiledBugRows}); what
 * follows from it is fan-out, through the outbox after commit (the assignee's
 * notification, live lists, webhooks, Slack).
 */
public record BugCreated(UUID bugId, UUID projectId, String key, UUID reporterId, UUID assigneeId, String severity) {
}
