package dev.fixpoint.bugs.page;

import java.util.UUID;

/**
 * A comment form to show again open, with what was typed: a new comment or reply
 * ({@code editing} null), or the edit form of the comment {@code editing}.
 *
 * @param error why it was not saved, or null (an edit form just opened)
 */
public record CommentDraft(CommentForm form, UUID editing, String error) {

	boolean isReplyTo(UUID parentId) {
		return this.editing == null && parentId.equals(this.form.parentId());
	}

	boolean isNewComment() {
		return this.editing == null && this.form.parentId() == null;
	}

	boolean isEditOf(UUID commentId) {
		return commentId.equals(this.editing);
	}

}
