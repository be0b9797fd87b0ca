package dev.fixpoint.comments;

import java.util.Set;
import java.util.UUID;

/**
 * Someone commented on a bug. Internal notes are flagged: never show them outside the
 * team; {@code visibleToReporter}: the portal's reporter sees it (and is emailed).
 * Published inside the transaction of {@link Comments#add}; sla (first response) and
 * notifications (the author watches) listen synchronously in it; the notifications
 * themselves go through the outbox after commit.
 */
public record CommentAdded(UUID commentId, UUID bugId, UUID projectId, String key, UUID authorId, boolean internal,
		UUID parentId, Set<UUID> mentionedUserIds, boolean visibleToReporter) {

	public CommentAdded(UUID commentId, UUID bugId, UUID projectId, String key, UUID authorId, boolean internal,
			UUID parentId, Set<UUID> mentionedUserIds) {
		this(commentId, bugId, projectId, key, authorId, internal, parentId, mentionedUserIds, false);
	}

}
