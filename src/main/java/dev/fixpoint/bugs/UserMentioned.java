package dev.fixpoint.bugs;

import java.util.UUID;

/**
 * {@code @username} of a project member appeared in a comment ({@code commentId}) or in the bug report itself
 * ({@code commentId} null).
 */
public record UserMentioned(UUID userId, UUID bugId, UUID projectId, String key, UUID byUserId, UUID commentId,
		boolean internal) {
}
