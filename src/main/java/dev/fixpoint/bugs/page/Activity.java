package dev.fixpoint.bugs.page;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.bugs.web.BugRoutes;

/**
 * What {@code bugs/activity.jte} shows: the timeline of a bug (history lines and comment
 * threads, oldest first) and the comment forms.
 *
 * @param canComment the caller may comment (not a viewer)
 * @param canWriteInternal the caller reads internal notes, so may write them
 * @param draft a comment form to show again (after an error, or an edit form), or null
 * @param history how many history entries of the bug the caller sees there were, read
 * before the comments: every comment added, edited or deleted writes one, so a live
 * stream opened later learns from it whether the comments shown are still all
 * ({@code data-history}, live.js)
 */
public record Activity(String bugKey, String projectKey, List<TimelineEntry> entries, boolean canComment,
		boolean canWriteInternal, CommentDraft draft, int history) {

	Activity withDraft(CommentDraft draft) {
		return new Activity(this.bugKey, this.projectKey, this.entries, this.canComment, this.canWriteInternal, draft,
				this.history);
	}

	/** A comment or reply of this timeline by id. */
	Optional<CommentView> find(UUID commentId) {
		return this.entries.stream()
			.filter(TimelineEntry::isComment)
			.map(TimelineEntry::thread)
			.flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t), t.replies().stream()))
			.filter(c -> c.comment().id().equals(commentId))
			.findFirst();
	}

	/**
	 * Whether the form of {@code c} (null: a new comment) has the "Internal note" box:
	 * for those who read internal notes, except on a reply that is internal (it stays so
	 * while its comment is).
	 */
	public boolean internalBox(CommentView c) {
		return this.canWriteInternal && (c == null || !(c.isReply() && c.internal()));
	}

	/** A reply to an internal note is internal, so its form has no box. */
	public boolean replyInternalBox(CommentView parent) {
		return this.canWriteInternal && !parent.internal();
	}

	public CommentForm newComment() {
		return this.draft != null && this.draft.isNewComment() ? this.draft.form() : CommentForm.EMPTY;
	}

	public String newCommentError() {
		return this.draft != null && this.draft.isNewComment() ? this.draft.error() : null;
	}

	public boolean replyOpen(CommentView c) {
		return this.draft != null && this.draft.isReplyTo(c.comment().id());
	}

	public CommentForm reply(CommentView c) {
		return replyOpen(c) ? this.draft.form() : new CommentForm("", false, c.comment().id());
	}

	public String replyError(CommentView c) {
		return replyOpen(c) ? this.draft.error() : null;
	}

	public boolean editing(CommentView c) {
		return this.draft != null && this.draft.isEditOf(c.comment().id());
	}

	public CommentForm edit(CommentView c) {
		return editing(c) ? this.draft.form()
				: new CommentForm(c.comment().content(), c.internal(), null, c.comment().visibleToReporter());
	}

	public String editError(CommentView c) {
		return editing(c) ? this.draft.error() : null;
	}

	public String pageUrl() {
		return BugRoutes.bug(this.bugKey);
	}

	public String activityUrl() {
		return BugRoutes.activity(this.bugKey);
	}

	public String commentsUrl() {
		return BugRoutes.comments(this.bugKey);
	}

	public String previewUrl() {
		return BugRoutes.preview(this.bugKey);
	}

	public String commentUrl(CommentView c) {
		return BugRoutes.comment(this.bugKey, c.comment().id());
	}

	public String editUrl(CommentView c) {
		return BugRoutes.comment(this.bugKey, c.comment().id()) + "/edit";
	}

	public String deleteUrl(CommentView c) {
		return BugRoutes.comment(this.bugKey, c.comment().id()) + "/delete";
	}

	/** Where the mention autocomplete of the page's text areas asks for members. */
	public String mentionsUrl() {
		return "/p/" + this.projectKey + "/members/suggest";
	}

}
