package dev.fixpoint.bugs.page;

import java.util.UUID;

import dev.fixpoint.comments.NewComment;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The comment form (new comment, reply or edit): markdown text, the "Internal note" box,
 * the comment replied to.
 */
public record CommentForm(String content, Boolean internal, @BindParam("parent_id") UUID parentId) {

	static final CommentForm EMPTY = new CommentForm("", false, null);

	NewComment toNewComment() {
		return new NewComment(this.content, Boolean.TRUE.equals(this.internal), this.parentId);
	}

	public String text() {
		return this.content == null ? "" : this.content;
	}

	public boolean isInternal() {
		return Boolean.TRUE.equals(this.internal);
	}

}
