package dev.fixpoint.bugs.page;

import java.util.UUID;

import dev.fixpoint.comments.NewComment;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The comment form (new comment, reply or edit): markdown text, the "Internal note" box,
 * the comment replied to.
 */
public record CommentForm(String content, Boolean internal, @BindParam("parent_id") UUID parentId,
		@BindParam("visible_to_reporter") Boolean reporter) {

	static final CommentForm EMPTY = new CommentForm("", false, null, false);

	CommentForm(String content, Boolean internal, UUID parentId) {
		this(content, internal, parentId, false);
	}

	NewComment toNewComment() {
		return new NewComment(this.content, Boolean.TRUE.equals(this.internal), this.parentId,
				Boolean.TRUE.equals(this.reporter));
	}

	/** The "Visible to reporter" box: a portal ticket's reporter sees the comment. */
	public boolean isVisibleToReporter() {
		return Boolean.TRUE.equals(this.reporter);
	}

	public String text() {
		return this.content == null ? "" : this.content;
	}

	public boolean isInternal() {
		return Boolean.TRUE.equals(this.internal);
	}

}
