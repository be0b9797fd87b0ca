/**
 * The bug page ({@code /bugs/{KEY}}): the report, its sidebar, editing fields and the
 * report in place, status changes, and the activity timeline with the comments of the
 * comments module. Templates under {@code src/main/jte/bugs/page}.
 * <p>
 * A nested module of bugs rather than part of it because it reads comments, which build
 * on bugs. Public types are the page's views and forms; nothing outside uses them. Uses
 * the public APIs of bugs, comments and projects and the web kit of {@code bugs.web};
 * publishes and listens to no events.
 * <p>
 * The activity ({@code BugActivities}, {@code activity.jte}) merges history lines and
 * comment threads, oldest first; replies sit under their comment, and a comment's own
 * history ("added") is not repeated next to it: edits and deletes show as small lines. A
 * comment posted with htmx answers with an {@code HX-Trigger: commentAdded} header naming
 * the new comment, so attachments.js uploads the files waiting in the comment form to it.
 * Every rule (who may edit, internal notes) stays in {@code BugManagement} and
 * {@code Comments}; comment previews go through {@code Comments.preview}, the same
 * rendering as saving. The attachments panel is loaded by URL from the attachments
 * module.
 * <p>
 * Keyboard and live page: the bug fragment carries what the viewer may do
 * ({@code data-can-fields}, {@code data-can-assign}, the status buttons on offer), its
 * version and tags, for {@code js/keys.js} (shortcuts, the command palette), which acts
 * only through this page's forms and URLs; the full page adds a live bar outside the
 * fragment ({@code #presence}, {@code #live-notice}) that {@code js/live.js} fills from
 * the live module's stream ({@code /bugs/{KEY}/live}), fetching this fragment again when
 * someone else changed the bug.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.page;
