/**
 * Live pages: a bug page, a bug list and a board follow the changes others make, and a
 * bug page shows who else is looking at it. Over Server-Sent Events:
 * {@code /bugs/{KEY}/live} (a bug's viewers) and {@code /p/{KEY}/live} (a project's list
 * and board), opened by {@code static/js/live.js} while the tab is visible.
 * <p>
 * Across nodes, through PostgreSQL {@code NOTIFY} on the channel {@code fixpoint_live}:
 * the {@code live} outbox consumer ({@code LiveOutbox}) turns a committed
 * {@link dev.fixpoint.bugs.BugChanged} (every edit, status change and assignment) or a
 * public comment added, edited or deleted ({@link dev.fixpoint.comments.CommentAdded},
 * {@link dev.fixpoint.comments.CommentChanged}) into one notice; every node receives it
 * on platform's one {@code LISTEN} connection ({@code LiveChannel}, a
 * {@link dev.fixpoint.platform.NoticeChannel}) and pushes it to its own open streams
 * ({@code LiveStreams}, in memory: an open stream holds no database connection and no
 * thread). The event names the key, the changed fields and who changed them; pages fetch
 * what they show through their own URLs, as the viewer.
 * <p>
 * New bugs on lists and boards: a {@link dev.fixpoint.bugs.BugCreated} becomes a notice
 * too. A list's or board's stream carries the page's filters
 * ({@code /p/{KEY}/live?severity=critical}); on each new or changed bug a node asks once
 * per distinct filter among its streams whether the bug passes it ({@code ListMatches}:
 * none for an unfiltered list, else one primary-key lookup of the bug with the filters,
 * {@code BugQueries.matches}), never once per viewer. Lists that pass hear
 * {@code created} ({@code changed} carries {@code matches}); the page counts them in a "2
 * new bugs · 1 updated — Show" bar and fetches nothing until asked (Show opens the first
 * page, so keyset paging never shifts under the reader); a change to a bug the page shows
 * fetches the page's fragment again.
 * <p>
 * Presence ({@code Presence}): each node announces, on the same channel, the people
 * viewing each bug through its streams, when one comes or goes and every 10 s (a
 * heartbeat); every node keeps the announcements in memory and forgets a node's list of a
 * bug 30 s after its last heartbeat. A viewer leaves when the tab is closed or hidden
 * (its stream closes; the page also sends a beacon to {@code /bugs/{KEY}/live/leave}), or
 * at the latest when the next ping to a dead stream fails (every 10 s). No table, no
 * migration: presence is only as old as the last heartbeat.
 * <p>
 * Consumes the outbox; publishes no events. Calls bugs ({@code BugQueries.locate}: the
 * viewer may see the bug; {@code .matches}: a bug passes a list's filters), projects
 * (membership) and accounts (names).
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.live;
