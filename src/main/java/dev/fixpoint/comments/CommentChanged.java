package dev.fixpoint.comments;

import java.util.UUID;

/**
 * Someone edited or deleted a comment ({@code deleted}). {@code internal}: the comment
 * was an internal note before and after the change, so only those who read internal notes
 * ever saw it (a note made public, or a public comment made internal, is not). Published
 * inside the transaction of {@link Comments#edit} or {@link Comments#delete}, only when
 * something changed.
 */
public record CommentChanged(UUID commentId, UUID bugId, UUID projectId, String key, UUID actorId, boolean internal,
		boolean deleted) {
}
