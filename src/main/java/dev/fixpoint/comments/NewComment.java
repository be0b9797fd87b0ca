package dev.fixpoint.comments;

import java.util.UUID;

/**
 * {@code POST /api/bugs/{id}/comments}: markdown content (≤ 65,536 chars), internal note
 * or not, reply to.
 */
public record NewComment(String content, Boolean isInternal, UUID parentId) {
}
