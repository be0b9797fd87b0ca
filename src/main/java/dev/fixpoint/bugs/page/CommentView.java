package dev.fixpoint.bugs.page;

import java.util.List;
import java.util.Locale;

import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.platform.SafeHtml;

/**
 * A comment on the bug page with its replies (one level) and what the caller may do with
 * it.
 *
 * @param canChange the caller is its author or a project admin (and may comment)
 */
public record CommentView(Comment comment, boolean canChange, boolean canReply, String ago, String exact,
		List<CommentView> replies) {

	public String id() {
		return this.comment.id().toString();
	}

	/** The element id, also the {@code #fragment} of links to it. */
	public String anchor() {
		return BugRoutes.commentAnchor(this.comment.id());
	}

	public String authorName() {
		return this.comment.author() == null ? "A former user" : this.comment.author().name();
	}

	public String authorUsername() {
		return this.comment.author() == null ? "" : "@" + this.comment.author().username();
	}

	public String initial() {
		String name = authorName();
		return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
	}

	public String iso() {
		return this.comment.createdAt().toString();
	}

	public SafeHtml html() {
		return this.comment.html();
	}

	public boolean deleted() {
		return this.comment.deleted();
	}

	public boolean internal() {
		return this.comment.isInternal();
	}

	public boolean edited() {
		return this.comment.edited();
	}

	public boolean isReply() {
		return this.comment.parentId() != null;
	}

}
