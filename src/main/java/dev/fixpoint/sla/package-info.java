/**
 * Service-level agreements: per-project targets per severity (optionally in business
 * hours), each bug's SLA clock and {@code sla_due_at}, the escalation job that publishes
 * {@link dev.fixpoint.sla.SlaThresholdReached} once per threshold, and the SLA dashboard.
 * Pages {@code /p/{KEY}/sla} (dashboard, inline SVG chart) and
 * {@code /p/{KEY}/sla/settings}; API {@code /api/projects/{id}/sla} and
 * {@code /api/projects/{id}/sla-config}.
 * <p>
 * Owns the tables {@code bug_sla} (one clock per bug) and {@code sla_escalations} (one
 * row per sent escalation); writes {@code projects.sla_config} and the derived
 * {@code bugs.sla_due_at} and {@code bugs.sla_state}. Public API:
 * {@link dev.fixpoint.sla.SlaSettings} (config; admins write),
 * {@link dev.fixpoint.sla.SlaPolicy}, {@link dev.fixpoint.sla.SlaTarget},
 * {@link dev.fixpoint.sla.BusinessHours}, {@link dev.fixpoint.sla.SlaConfigRequest},
 * {@link dev.fixpoint.sla.SlaDashboard} with {@link dev.fixpoint.sla.SlaReport},
 * {@link dev.fixpoint.sla.SlaEscalations} (the job) and the event
 * {@code SlaThresholdReached}.
 * <p>
 * Events: {@code SlaClocks} listens to {@link dev.fixpoint.bugs.BugChanged} (severity or
 * status changed) and {@link dev.fixpoint.comments.CommentAdded} (first response) with
 * plain {@code @EventListener}, synchronously inside the publishing transaction, so the
 * create or edit response already shows {@code sla_due_at}/{@code sla_state} and the
 * clock commits or rolls back with the change (a failure there fails the change). Bugs
 * knows of sla only the {@code SlaState} enum, the stored columns it filters on and its
 * {@link dev.fixpoint.bugs.SlaOnFiling} interface, which {@code SlaClocks} implements: a
 * new bug's clock starts before its row is written, so the insert carries both columns,
 * and the clock's row is a CTE of the bug's own insert statement
 * ({@code SlaOnFiling.Started.clock}, a {@link dev.fixpoint.bugs.FiledBugRows.Rows};
 * {@code bug_sla}'s foreign key to the bug is checked at commit, V14).
 * {@code SlaThresholdReached} is published by the job, in its transaction; notifications
 * gets it through the outbox after that commits, and {@code SlaMetrics} counts it after
 * commit ({@code fixpoint.sla.escalations} by threshold and severity).
 * <p>
 * Rules: the math is pure ({@code SlaCalendar}: working time in a time zone;
 * {@code SlaClock}: runs while open, stops while done, a reopen resumes with the time
 * left, a severity change keeps the time used and swaps the target; both start a new
 * period). The job (every 30 s by default) reads only {@code bug_sla.next_at} (partial
 * index), locks due clocks and their bugs with {@code skip locked}, inserts
 * {@code sla_escalations (bug, period, threshold)} {@code on conflict do nothing} and
 * publishes only for rows it inserted: once per threshold across restarts and nodes. A
 * critical bug's breach raises it to P0 through {@code BugManagement.raisePriority}
 * (history without a user). A new period fires only thresholds not yet behind it. Config
 * changes apply to bugs filed or re-targeted afterwards. The dashboard reads only
 * {@code bug_sla} (compliance = clocks stopped within target, per week; first response =
 * the first comment or status change by someone other than the reporter) and the
 * {@code bugs_project_sla_state_idx} lists; plans in bench/sql/sla/README.md.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.sla;
