/**
 * Analytics and reports: how healthy a project's bug process is. Created vs resolved with
 * the open backlog, open bugs by severity and priority, time to resolve (mean and median,
 * by severity, trend), velocity, throughput by resolution, reopen rate, time in each
 * status, age of open bugs, workload per member, hotspots by component and tag, and SLA
 * compliance (from {@link dev.fixpoint.sla.SlaDashboard#summary}). Page
 * {@code /p/{KEY}/analytics} (every role) and {@code /orgs/{org}/analytics} (org admins);
 * API {@code /api/projects/{id}/analytics} and {@code /api/orgs/{org}/analytics}; exports
 * {@code .../analytics/export.csv} (streamed) and {@code .../analytics/export.pdf}.
 * <p>
 * Owns the rollup tables {@code analytics_daily}, {@code analytics_daily_tags} and
 * {@code analytics_status_time} (V15, which also backfills them from {@code bugs} and
 * {@code bug_history}); {@code analytics_tag_days}, {@code analytics_status_days} (the
 * same without severity and component) and {@code analytics_status_time_tags} (V19); and
 * the open-bug rollups {@code analytics_open} (severity, component, priority, status),
 * {@code analytics_open_assignees} (workload), {@code analytics_open_days} (filing day:
 * ages) and {@code analytics_open_tags}, kept by a trigger on {@code bugs} (V19:
 * {@code analytics_open_move}), so every write of a bug (edit, bulk move, delete) moves
 * them in its transaction. Since V47 each rollup {@code R} is a view over
 * {@code R_folded} (the table) and {@code R_delta} (insert-only rows the trigger and
 * {@code AnalyticsRollups} write, so writers never wait on a rollup row's lock);
 * {@code RollupDeltas} folds the deltas in every second on one node
 * ({@code analytics_fold()}; since V68 only the rollups that have deltas), readers read
 * the views and are exact either way. Reads {@code bugs} through two partial indexes of
 * V15 (open bugs, for reports narrowed to a component or tag; resolved bugs by
 * {@code resolved_at}, whose times to resolve are grouped in Java: mean and median).
 * Public API: {@link dev.fixpoint.analytics.Analytics} (the reports),
 * {@link dev.fixpoint.analytics.AnalyticsRequest} (the query string, validated into
 * {@link dev.fixpoint.analytics.AnalyticsPeriod}),
 * {@link dev.fixpoint.analytics.AnalyticsReport},
 * {@link dev.fixpoint.analytics.AnalyticsCsv} and
 * {@link dev.fixpoint.analytics.AnalyticsPdf}.
 * <p>
 * Events: a new bug's deltas are CTEs of the bug's own insert statement
 * ({@code AnalyticsRollups} as a {@link dev.fixpoint.bugs.FiledBugRows}); it listens to
 * {@link dev.fixpoint.bugs.BugStatusChanged} (also published by {@code moveAllInStatus}
 * when a workflow replacement moves bugs) with plain {@code @EventListener},
 * synchronously inside the publishing transaction: a delta row commits or rolls back with
 * the change it counts. Publishes nothing.
 * <p>
 * Rules: an event counts on the UTC day it happened, under the severity, component and
 * tags the bug had then; "resolved" is a move into a done status from a not-done one,
 * "reopened" a move out of done (the workflow's categories), so a reopened and
 * re-resolved bug counts twice. Time to resolve is {@code resolved_at - created_at} of
 * the bugs whose (last) resolution falls in the period. Time in status counts every
 * stretch a bug spent in a status on the day it left it (not the stretches still
 * running), under the tags the bug had then. The age of an open bug is in whole UTC days
 * (today minus the filing day). The backlog line is the open count now minus the net
 * change of the later days. Deleted bugs stay in the event rollups (they happened) and
 * leave the open ones. The resolved bars link to the bug list's {@code resolved_from}/
 * {@code resolved_to}. Plans and timings: bench/sql/analytics/README.md.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.analytics;
