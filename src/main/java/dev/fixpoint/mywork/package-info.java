/**
 * My work: where a signed-in person lands ({@code /}). Across all their projects: the
 * open bugs assigned to them (most important first), those they reported, those they
 * watch, those due within a week, the bugs whose SLA is at risk or breached, what others
 * changed lately on their bugs, and their projects with counts of open bugs and of their
 * own. Every list is one question to another module's public API: the bug lists are
 * query-language searches ({@link dev.fixpoint.search.BugSearch}, so each is also
 * {@code GET /api/search?q=...}), watching is
 * {@link dev.fixpoint.notifications.Watching#following}, the activity
 * {@link dev.fixpoint.bugs.BugQueries#recentChangesOnMine}, the counts
 * {@link dev.fixpoint.analytics.OpenBugCounts} (rollups, not counting bugs). Each list
 * has a page of its own, keyset-paginated ({@code /my/{section}}). Owns no tables,
 * publishes no events; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.mywork;
