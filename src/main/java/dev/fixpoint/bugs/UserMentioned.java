package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * {@code @username} of a project member appeared in a comment ({@code commentId}) or in
 * the bug report itself ({@code commentId} null). Published inside the transaction that
 * saved the text ({@link BugManagement} or the comments module); notifications gets it
 * through the outbox after commit.
 */
public record UserMentioned(UUID userId, UUID bugId, UUID projectId, String key, UUID byUserId, UUID commentId,
		boolean internal) {
}
