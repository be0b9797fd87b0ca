package dev.fixpoint.comments;

import java.util.UUID;

/**
 * {@code POST /api/bugs/{id}/comments}: markdown content (≤ 65,536 chars), internal note
 * or not, reply to, and whether the reporter of a portal ticket sees it (never with an
 * internal note).
 */
public record NewComment(String content, Boolean isInternal, UUID parentId, Boolean visibleToReporter) {

	public NewComment(String content, Boolean isInternal, UUID parentId) {
		this(content, isInternal, parentId, null);
	}

}
