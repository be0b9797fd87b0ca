package dev.fixpoint.analytics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.QueryPlans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The questions of a report, each one answered from a rollup or from one of V15's partial
 * indexes of {@code bugs} (bench/sql/analytics/README.md). Filters become fixed SQL
 * fragments with named parameters.
 */
@Repository
class AnalyticsRepository {

	static final UUID NO_COMPONENT = new UUID(0, 0);

	private final JdbcClient jdbc;

	AnalyticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The projects, the severity and component ({@code null}: any) and tag of a report.
	 */
	record Scope(UUID[] projects, String severity, UUID componentId, String tag) {
	}

	record Day(UUID projectId, LocalDate day, UUID componentId, int created, int resolved, int reopened) {
	}

	/**
	 * Events per project, component and part of a bucket in {@code from..last}, from the
	 * tag rollup when the report is narrowed to a tag. A row's {@code day} is the first
	 * day of the stretch its events fall in: the part of an {@code interval} bucket that
	 * lies in one ISO week (the velocity counts by week), so the report's folds see the
	 * same buckets as if it were by day, from a fraction of the rows (an organization's
	 * year by week: 24k instead of 161k); the days after {@code to} (the backlog counts
	 * back from today) are one stretch, starting the day after {@code to}.
	 */
	List<Day> days(Scope scope, LocalDate from, LocalDate to, LocalDate last, Interval interval) {
		QueryPlans.customForTransaction(this.jdbc);
		String table = scope.tag() == null ? "analytics_daily" : "analytics_daily_tags";
		String bucket = switch (interval) {
			case DAY -> "day";
			case WEEK -> "date_trunc('week', day::timestamp)::date";
			case MONTH ->
				"greatest(date_trunc('month', day::timestamp)::date, date_trunc('week', day::timestamp)::date)";
		};
		return this.jdbc.sql("""
				select project_id,
				    case when day > cast(:to as date) then cast(:to as date) + 1 else %s end as stretch,
				    component_id, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
				from %s
				where project_id = any(:projects) and day between :from and :last %s
				group by 1, 2, 3
				""".formatted(bucket, table, rollupFilters(scope)))
			.paramSource(params(scope).addValue("from", Date.valueOf(from))
				.addValue("to", Date.valueOf(to))
				.addValue("last", Date.valueOf(last)))
			.query((rs, n) -> new Day(rs.getObject("project_id", UUID.class), rs.getDate("stretch").toLocalDate(),
					rs.getObject("component_id", UUID.class), rs.getInt("created"), rs.getInt("resolved"),
					rs.getInt("reopened")))
			.list();
	}

	record TagCount(String tag, int created, int resolved, int reopened) {
	}

	/**
	 * Events per tag in {@code from..to}, the busiest first: from the per-tag totals
	 * ({@code analytics_tag_days}, V19) unless narrowed to a severity or component.
	 */
	List<TagCount> tags(Scope scope, LocalDate from, LocalDate to, int limit) {
		QueryPlans.customForTransaction(this.jdbc);
		return this.jdbc
			.sql("""
					select tag, sum(created) as created, sum(resolved) as resolved, sum(reopened) as reopened
					from %s
					where project_id = any(:projects) and day between :from and :to %s
					group by tag
					order by sum(created) + sum(reopened) desc, tag
					limit :limit
					""".formatted(scope.severity() == null && scope.componentId() == null ? "analytics_tag_days"
					: "analytics_daily_tags", rollupFilters(scope)))
			.paramSource(params(scope).addValue("from", Date.valueOf(from))
				.addValue("to", Date.valueOf(to))
				.addValue("limit", limit))
			.query((rs, n) -> new TagCount(rs.getString("tag"), rs.getInt("created"), rs.getInt("resolved"),
					rs.getInt("reopened")))
			.list();
	}

	record OpenGroup(UUID projectId, String severity, String priority, UUID assigneeId, boolean working,
			UUID componentId, int count) {
	}

	/**
	 * The open bugs now: {@code counts} per project, severity, priority, whether in an
	 * in-progress status ({@code working}: those statuses' keys) and component (assignee
	 * null), and {@code assigned} per project, assignee, severity and working (component
	 * null).
	 */
	record Open(List<OpenGroup> counts, List<OpenGroup> assigned) {
	}

	/**
	 * The open bugs now, from the rollups {@code analytics_open} and
	 * {@code analytics_open_assignees} (V19; a few hundred and a thousand rows for 53k
	 * open bugs), or from the bugs themselves when the report is narrowed to a component
	 * or a tag (a part of the open bugs, through {@code bugs_project_open_idx} or
	 * {@code bugs_project_tags_idx}): then one list serves both.
	 */
	Open open(Scope scope, List<String> working) {
		QueryPlans.customForTransaction(this.jdbc);
		var params = params(scope).addValue("working", working.toArray(String[]::new));
		if (scope.tag() != null || scope.componentId() != null) {
			List<OpenGroup> groups = this.jdbc.sql("""
					select b.project_id, b.severity, b.priority, b.assignee_id,
					    b.status = any(cast(:working as text[])) as working, b.component_id, count(*) as n
					from bugs b
					where b.project_id = any(:projects) and b.resolved_at is null %s
					group by 1, 2, 3, 4, 5, 6
					""".formatted(bugFilters(scope))).paramSource(params).query(AnalyticsRepository::openGroup).list();
			return new Open(groups, groups);
		}
		List<OpenGroup> counts = this.jdbc.sql("""
				select project_id, severity, priority, null::uuid as assignee_id,
				    status = any(cast(:working as text[])) as working,
				    nullif(component_id, '00000000-0000-0000-0000-000000000000') as component_id, sum(n) as n
				from analytics_open
				where project_id = any(:projects) %s
				group by 1, 2, 3, 5, 6
				having sum(n) > 0
				""".formatted(rollupFilters(scope))).paramSource(params).query(AnalyticsRepository::openGroup).list();
		List<OpenGroup> assigned = this.jdbc.sql("""
				select project_id, severity, null as priority, assignee_id,
				    status = any(cast(:working as text[])) as working, null::uuid as component_id, sum(n) as n
				from analytics_open_assignees
				where project_id = any(:projects) %s
				group by 1, 2, 4, 5
				having sum(n) > 0
				""".formatted(rollupFilters(scope))).paramSource(params).query(AnalyticsRepository::openGroup).list();
		return new Open(counts, assigned);
	}

	private static OpenGroup openGroup(ResultSet rs, int row) throws SQLException {
		return new OpenGroup(rs.getObject("project_id", UUID.class), rs.getString("severity"), rs.getString("priority"),
				rs.getObject("assignee_id", UUID.class), rs.getBoolean("working"),
				rs.getObject("component_id", UUID.class), rs.getInt("n"));
	}

	/**
	 * Open bugs filed in the {@code days} UTC days up to {@code today}, per age in whole
	 * days ({@code today} minus the filing day): index 0 = filed today. Older ones are
	 * the open total minus these.
	 */
	int[] openByAge(Scope scope, LocalDate today, int days) {
		QueryPlans.customForTransaction(this.jdbc);
		String sql = scope.tag() == null ? """
				select cast(:today as date) - day as age, sum(n) as n
				from analytics_open_days
				where project_id = any(:projects) and day > cast(:today as date) - :days %s
				group by day
				""".formatted(rollupFilters(scope)) : """
				select cast(:today as date) - (b.created_at at time zone 'UTC')::date as age, count(*) as n
				from bugs b
				where b.project_id = any(:projects) and b.resolved_at is null
				  and b.created_at >= cast(:since as timestamptz) %s
				group by 1
				""".formatted(bugFilters(scope));
		int[] counts = new int[days];
		this.jdbc.sql(sql)
			.paramSource(params(scope).addValue("today", Date.valueOf(today))
				.addValue("days", days)
				.addValue("since",
						today.minusDays(days - 1L).atStartOfDay().toInstant(java.time.ZoneOffset.UTC).toString()))
			.query((rs, n) -> {
				int age = rs.getInt("age");
				if (age >= 0 && age < days) {
					counts[age] += rs.getInt("n");
				}
				return null;
			})
			.list();
		return counts;
	}

	/** Open bugs now per tag of {@code tags}. */
	java.util.Map<String, Integer> openPerTag(Scope scope, List<String> tags) {
		QueryPlans.customForTransaction(this.jdbc);
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select tag, sum(n) as n
				from analytics_open_tags
				where project_id = any(:projects) and tag = any(cast(:tags as text[])) %s
				group by tag
				""".formatted(rollupFilters(new Scope(scope.projects(), scope.severity(), scope.componentId(), null))))
			.paramSource(params(scope).addValue("tags", tags.toArray(String[]::new)))
			.query((rs, n) -> counts.put(rs.getString("tag"), rs.getInt("n")))
			.list();
		return counts;
	}

	/**
	 * One line of the resolved bugs' statistics; the unused grouping columns are null.
	 */
	record Resolved(String grouping, UUID projectId, String severity, String resolution, LocalDate period, int bugs,
			Double meanHours, Double medianHours) {
	}

	/**
	 * Time to resolve of the bugs resolved in {@code [from, to)}: overall, per project,
	 * severity, resolution and bucket of {@code interval}. The rows (20k for a year of a
	 * 100k-bug project, 250k for an organization of 1M bugs) are read index-only from
	 * {@code bugs_project_resolved_idx} and grouped here: one pass and a sort per group,
	 * where PostgreSQL's grouping sets sorted the rows once per set
	 * (bench/sql/analytics/README.md). Each row is small numbers: the project's place in
	 * {@code scope.projects()}, the day's offset from {@code from}'s day, the hours as a
	 * double, so that reading 250k rows parses no UUID, date or numeric.
	 */
	List<Resolved> resolved(Scope scope, Instant from, Instant to, Interval interval) {
		QueryPlans.customForTransaction(this.jdbc);
		LocalDate firstDay = from.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
		Hours all = new Hours();
		Hours[] perProject = new Hours[scope.projects().length];
		Map<String, Hours> perSeverity = new LinkedHashMap<>();
		Map<String, Hours> perResolution = new LinkedHashMap<>();
		Map<LocalDate, Hours> perPeriod = new LinkedHashMap<>();
		Map<Integer, LocalDate> periods = new HashMap<>();
		this.jdbc.sql("""
				select array_position(cast(:projects as uuid[]), b.project_id) as project, b.severity,
				    coalesce(b.resolution, '') as resolution,
				    (b.resolved_at at time zone 'UTC')::date - cast(:first_day as date) as day,
				    extract(epoch from (b.resolved_at - b.created_at))::float8 / 3600 as hours
				from bugs b
				where b.project_id = any(:projects) and b.resolved_at >= :from and b.resolved_at < :to %s
				""".formatted(bugFilters(scope)))
			.paramSource(params(scope).addValue("from", Timestamp.from(from))
				.addValue("to", Timestamp.from(to))
				.addValue("first_day", Date.valueOf(firstDay)))
			.query(rs -> {
				double hours = rs.getDouble("hours");
				int project = rs.getInt("project") - 1;
				LocalDate period = periods.computeIfAbsent(rs.getInt("day"),
						day -> interval.start(firstDay.plusDays(day)));
				all.add(hours);
				if (perProject[project] == null) {
					perProject[project] = new Hours();
				}
				perProject[project].add(hours);
				perSeverity.computeIfAbsent(rs.getString("severity"), k -> new Hours()).add(hours);
				perResolution.computeIfAbsent(rs.getString("resolution"), k -> new Hours()).add(hours);
				perPeriod.computeIfAbsent(period, k -> new Hours()).add(hours);
			});
		List<Resolved> rows = new ArrayList<>();
		if (all.n > 0) {
			rows.add(all.row("all", null, null, null, null));
		}
		for (int i = 0; i < perProject.length; i++) {
			if (perProject[i] != null) {
				rows.add(perProject[i].row("project", scope.projects()[i], null, null, null));
			}
		}
		perSeverity.forEach((severity, hours) -> rows.add(hours.row("severity", null, severity, null, null)));
		perResolution.forEach((resolution, hours) -> rows.add(hours.row("resolution", null, null, resolution, null)));
		perPeriod.forEach((period, hours) -> rows.add(hours.row("period", null, null, null, period)));
		return rows;
	}

	/** The hours of one group's bugs, in a growing array of doubles. */
	private static final class Hours {

		private double[] values = new double[16];

		private int n;

		void add(double hours) {
			if (this.n == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.n * 2);
			}
			this.values[this.n++] = hours;
		}

		Resolved row(String grouping, UUID project, String severity, String resolution, LocalDate period) {
			double[] sorted = Arrays.copyOf(this.values, this.n);
			Arrays.sort(sorted);
			double median = this.n % 2 == 1 ? sorted[this.n / 2] : (sorted[this.n / 2 - 1] + sorted[this.n / 2]) / 2;
			return new Resolved(grouping, project, severity, resolution, period, this.n,
					Arrays.stream(sorted).sum() / this.n, median);
		}

	}

	record StatusTime(String status, int stretches, double seconds) {
	}

	/**
	 * Stretches that ended in {@code from..to}, per status; of the bugs with the tag (at
	 * the time they left the status) when the report is narrowed to one.
	 */
	List<StatusTime> statusTime(Scope scope, LocalDate from, LocalDate to) {
		QueryPlans.customForTransaction(this.jdbc);
		return this.jdbc.sql("""
				select status, sum(stretches) as stretches, sum(seconds) as seconds
				from %s
				where project_id = any(:projects) and day between :from and :to %s
				group by status
				""".formatted(statusTable(scope), rollupFilters(scope)))
			.paramSource(params(scope).addValue("from", Date.valueOf(from)).addValue("to", Date.valueOf(to)))
			.query((rs, n) -> new StatusTime(rs.getString("status"), rs.getInt("stretches"), rs.getDouble("seconds")))
			.list();
	}

	record ProjectName(UUID id, String key, String name) {
	}

	/** The projects of an organization, by key. */
	List<ProjectName> projectsOf(UUID orgId) {
		return this.jdbc.sql("select id, key, name from projects where org_id = :org order by key")
			.param("org", orgId)
			.query(ProjectName.class)
			.list();
	}

	/** The stored workflow JSON of each project (null: the default workflow). */
	java.util.Map<UUID, String> workflows(UUID[] projects) {
		java.util.Map<UUID, String> workflows = new java.util.HashMap<>();
		this.jdbc.sql("select id, workflow::text as workflow from projects where id = any(:projects)")
			.param("projects", projects)
			.query((rs, n) -> workflows.put(rs.getObject("id", UUID.class), rs.getString("workflow")))
			.list();
		return workflows;
	}

	record ComponentName(UUID id, String name) {
	}

	/** Component names, also of components since deleted from the bugs' view. */
	List<ComponentName> components(UUID[] projects) {
		return this.jdbc.sql("select id, name from components where project_id = any(:projects)")
			.param("projects", projects)
			.query(ComponentName.class)
			.list();
	}

	/**
	 * Time in status per tag; else per day and status alone unless narrowed to a severity
	 * or component (V19).
	 */
	private static String statusTable(Scope scope) {
		if (scope.tag() != null) {
			return "analytics_status_time_tags";
		}
		return scope.severity() == null && scope.componentId() == null ? "analytics_status_days"
				: "analytics_status_time";
	}

	private static String rollupFilters(Scope scope) {
		List<String> where = new ArrayList<>();
		if (scope.severity() != null) {
			where.add("severity = :severity");
		}
		if (scope.componentId() != null) {
			where.add("component_id = :component");
		}
		if (scope.tag() != null) {
			where.add("tag = :tag");
		}
		return where.isEmpty() ? "" : "and " + String.join(" and ", where);
	}

	private static String bugFilters(Scope scope) {
		List<String> where = new ArrayList<>();
		if (scope.severity() != null) {
			where.add("b.severity = :severity");
		}
		if (scope.componentId() != null) {
			where.add("b.component_id = :component");
		}
		if (scope.tag() != null) {
			where.add("b.tags @> array[cast(:tag as text)]");
		}
		return where.isEmpty() ? "" : "and " + String.join(" and ", where);
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Scope scope) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("projects", scope.projects())
			.addValue("severity", scope.severity())
			.addValue("component", scope.componentId())
			.addValue("tag", scope.tag());
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
