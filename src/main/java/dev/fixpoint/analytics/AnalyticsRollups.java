package dev.fixpoint.analytics;

import dev.fixpoint.bugs.BugStatusChanged;
import dev.fixpoint.bugs.BugsImported;
import dev.fixpoint.bugs.FiledBugRows;
import dev.fixpoint.bugs.ImportedBugsChanging;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups in step with the bugs, inside the transaction that files or moves a
 * bug (a filing's deltas in the bug's own insert statement, {@link FiledBugRows}; a
 * move's through plain {@code @EventListener}s): the count commits or rolls back with the
 * change. It inserts deltas ({@code R_delta}, V47) and never updates a rollup row, so two
 * changes never wait for each other here; {@link RollupDeltas} folds them in. Each
 * statement reads the bug's row as that transaction just wrote it (its severity,
 * component, tags and the time of the change), so the listener needs no clock of its own.
 */
@Component
class AnalyticsRollups implements FiledBugRows {

	private static final String DONE = "done";

	private final JdbcClient jdbc;

	AnalyticsRollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A bug being filed counts on its day: {@link #count}'s CTEs over {@code bug},
	 * written by the bug's own insert statement.
	 */
	@Override
	public FiledBugRows.Rows rows(FiledBugRows.FiledBug bug) {
		return new FiledBugRows.Rows(deltas("rollup_", "bug b", "b.created_at", "1, 0, 0"), java.util.Map.of());
	}

	/**
	 * Imported bugs count on the days the source says they were created and resolved: one
	 * statement for the whole batch. A re-run's updated bugs were taken out before
	 * ({@link ImportedBugsChanging}) and count again with their new days here.
	 */
	@EventListener
	void on(BugsImported event) {
		countAll(event.bugs(), 1);
	}

	/**
	 * Imported bugs about to be updated by a re-run or deleted by an undo: out they go.
	 */
	@EventListener
	void on(ImportedBugsChanging event) {
		countAll(event.bugs(), -1);
	}

	/**
	 * {@link #count} for many bugs at once, their creation and their resolution together:
	 * each bug is read once, and a day on which the batch's bugs were both created and
	 * resolved is one delta row per table, not two. Sums per day, severity, component
	 * (and tag); {@code sign} adds (1) or takes out (-1).
	 */
	private void countAll(java.util.List<java.util.UUID> bugs, int sign) {
		String[] ids = bugs.stream().map(java.util.UUID::toString).toArray(String[]::new);
		this.jdbc.sql("""
				with b as (
				    select b.project_id, (e.ts at time zone 'UTC')::date as day, b.severity,
				        coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid) as component_id, b.tags,
				        e.c * :sign as c, e.r * :sign as r, 0 as o
				    from bugs b cross join lateral (values (b.created_at, 1, 0), (b.resolved_at, 0, 1)) as e(ts, c, r)
				    where b.id = any(cast(:bugs as uuid[])) and e.ts is not null
				), daily as (
				    insert into analytics_daily_delta (project_id, day, severity, component_id, created, resolved,
				        reopened)
				    select project_id, day, severity, component_id, sum(c), sum(r), sum(o) from b
				    group by project_id, day, severity, component_id
				), tagged as (
				    select b.project_id, b.day, t.tag, b.severity, b.component_id, c, r, o
				    from b cross join lateral (select distinct unnest(b.tags) as tag) t
				), tag_days as (
				    insert into analytics_tag_days_delta (project_id, day, tag, created, resolved, reopened)
				    select project_id, day, tag, sum(c), sum(r), sum(o) from tagged
				    group by project_id, day, tag
				)
				insert into analytics_daily_tags_delta
				    (project_id, day, tag, severity, component_id, created, resolved, reopened)
				select project_id, day, tag, severity, component_id, sum(c), sum(r), sum(o) from tagged
				group by project_id, day, tag, severity, component_id
				""").param("bugs", ids).param("sign", sign).update();
	}

	@EventListener
	void on(BugStatusChanged event) {
		boolean fromDone = DONE.equals(event.fromCategory());
		boolean toDone = DONE.equals(event.toCategory());
		if (toDone && !fromDone) {
			count(event.bugId(), "b.updated_at", "0, 1, 0");
		}
		else if (fromDone && !toDone) {
			count(event.bugId(), "b.updated_at", "0, 0, 1");
		}
		leftStatus(event);
	}

	/**
	 * Adds one event to the bug's day, severity and component, and to each of its tags:
	 * one statement (the daily row and each tag's day total in data-modifying CTEs, the
	 * tag rows by severity and component in the main insert). {@code at} and
	 * {@code counts} are fixed fragments of this class, never input.
	 */
	private void count(java.util.UUID bugId, String at, String counts) {
		this.jdbc.sql("with " + deltas("", "bugs b where b.id = :bug", at, counts) + "\nselect count(*) from b")
			.param("bug", bugId)
			.query(Integer.class)
			.single();
	}

	/**
	 * {@link #count}'s CTEs, each named with {@code prefix}: the bug's day (of
	 * {@code at}), severity, component and tags read from {@code source} (as {@code b}),
	 * and one delta insert per table. The filing's own statement takes them over its
	 * {@code bug} ({@link #rows}), a change's statement over {@code bugs}. All four
	 * fragments are fixed fragments of this class, never input.
	 */
	private static String deltas(String prefix, String source, String at, String counts) {
		return """
				%1$sb as (
				    select b.project_id, (%3$s at time zone 'UTC')::date as day, b.severity,
				        coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid) as component_id, b.tags
				    from %2$s
				), %1$sdaily as (
				    insert into analytics_daily_delta (project_id, day, severity, component_id, created, resolved,
				        reopened)
				    select b.project_id, b.day, b.severity, b.component_id, %4$s from %1$sb b
				), %1$stag_days as (
				    insert into analytics_tag_days_delta (project_id, day, tag, created, resolved, reopened)
				    select distinct b.project_id, b.day, t.tag, %4$s
				    from %1$sb b cross join unnest(b.tags) as t(tag)
				), %1$sdaily_tags as (
				    insert into analytics_daily_tags_delta
				        (project_id, day, tag, severity, component_id, created, resolved, reopened)
				    select distinct b.project_id, b.day, t.tag, b.severity, b.component_id, %4$s
				    from %1$sb b cross join unnest(b.tags) as t(tag)
				)""".formatted(prefix, source, at, counts);
	}

	/**
	 * The stretch the bug just ended in {@code from}: since the status change before this
	 * one (its history row is already written, so it is the second newest), or since
	 * filing.
	 */
	private void leftStatus(BugStatusChanged event) {
		this.jdbc.sql("""
				with stretch as (
				    select b.project_id, (b.updated_at at time zone 'UTC')::date as day, b.severity,
				        coalesce(b.component_id, '00000000-0000-0000-0000-000000000000'::uuid) as component_id, b.tags,
				        greatest(extract(epoch from (b.updated_at - coalesce(
				            (select h.created_at from bug_history h where h.bug_id = b.id and h.field = 'status'
				             order by h.id desc offset 1 limit 1), b.created_at))), 0) as seconds
				    from bugs b where b.id = :bug
				), tagged as (
				    insert into analytics_status_time_tags_delta
				        (project_id, day, tag, status, severity, component_id, stretches, seconds)
				    select distinct st.project_id, st.day, t.tag, :status, st.severity, st.component_id, 1, st.seconds
				    from stretch st cross join unnest(st.tags) as t(tag)
				), totals as (
				    insert into analytics_status_days_delta (project_id, day, status, stretches, seconds)
				    select project_id, day, :status, 1, seconds from stretch
				)
				insert into analytics_status_time_delta
				    (project_id, day, status, severity, component_id, stretches, seconds)
				select project_id, day, :status, severity, component_id, 1, seconds from stretch
				""").param("status", event.from()).param("bug", event.bugId()).update();
	}

}
