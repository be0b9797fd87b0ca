/**
 * Comments on bugs: markdown with bug keys and {@code @mentions}, one level of replies,
 * internal notes that viewers never see (a reply to one stays internal), edits and
 * deletes by the author or a project admin, and the comment API
 * ({@code /api/bugs/{id}/comments}, {@code /api/comments/{id}}). The bug page shows them
 * (nested module {@code bugs.page}).
 * <p>
 * Owns the table {@code comments} (deletes are soft; triggers keep the public comments'
 * text in {@code bugs.comment_vector} for full-text search, V5: one set-based update per
 * insert statement, and an update recomputes only when a comment's text, visibility or
 * deletion really changed, V43). Public API: {@link dev.fixpoint.comments.Comments} (add,
 * list, edit, delete, preview), {@link dev.fixpoint.comments.CommentImport} (the comments
 * of imported bugs, a batch at a time, with their original authors and dates; no events,
 * no history entries), {@link dev.fixpoint.comments.Comment},
 * {@link dev.fixpoint.comments.NewComment} and the events
 * {@link dev.fixpoint.comments.CommentAdded} and
 * {@link dev.fixpoint.comments.CommentChanged}.
 * <p>
 * Reaches bugs only through their public API: {@code BugQueries.locate} (a
 * {@link dev.fixpoint.bugs.BugRef}; a bug the caller may not see makes its comments 404),
 * {@code BugManagement.recordActivity} (a history entry per added, edited or deleted
 * comment, {@code internal_note_*} for internal notes so viewers' history leaves them
 * out) and {@code BugMarkdown}; previews render exactly as saving does.
 * <p>
 * Events, published inside the transaction of {@code add}, listeners synchronous in it:
 * {@code CommentAdded} (sla records the first response, notifications notifies) and one
 * {@link dev.fixpoint.bugs.UserMentioned} per mentioned member other than the author (for
 * an internal note only those who read internal notes). An edit or a delete that changed
 * something publishes {@code CommentChanged} (live tells the bug's open pages). Listens
 * to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.comments;
