package dev.fixpoint.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.QueryPlans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's questions; each one bounded by an index (see V9__sla.sql and
 * bench/sql/sla/README.md).
 */
@Repository
class SlaReportRepository {

	private final JdbcClient jdbc;

	SlaReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Clocks stopped since {@code from}, counted per week (Monday, UTC) and severity. */
	List<SlaReport.WeekCompliance> weekly(UUID projectId, Instant from) {
		QueryPlans.customForTransaction(this.jdbc); // a project of 30 bugs or of 100,000
		return this.jdbc.sql("""
				select date_trunc('week', stopped_at at time zone 'UTC')::date as week, severity,
				    count(*) filter (where met) as met, count(*) as total
				from bug_sla
				where project_id = :project and stopped_at >= :from and met is not null
				group by 1, 2 order by 1, 2
				""")
			.param("project", projectId)
			.param("from", Timestamp.from(from))
			.query((rs, n) -> new SlaReport.WeekCompliance(rs.getDate("week").toLocalDate(), rs.getString("severity"),
					rs.getInt("met"), rs.getInt("total"), SlaReport.pct(rs.getInt("met"), rs.getInt("total"))))
			.list();
	}

	/** Open bugs in an SLA state, the most overdue first. */
	List<SlaReport.OpenBug> open(UUID projectId, String state, int limit) {
		QueryPlans.customForTransaction(this.jdbc); // a project of 30 bugs or of 100,000
		return this.jdbc.sql("""
				select b.id, p.key || '-' || b.number as key, b.title, b.severity, b.priority, b.assignee_id,
				    b.sla_due_at, b.sla_state
				from bugs b join projects p on p.id = b.project_id
				where b.project_id = :project and b.sla_state = :state
				order by b.sla_due_at, b.id
				limit :limit
				""")
			.param("project", projectId)
			.param("state", state)
			.param("limit", limit)
			.query((rs, n) -> new SlaReport.OpenBug(rs.getObject("id", UUID.class), rs.getString("key"),
					rs.getString("title"), rs.getString("severity"), rs.getString("priority"),
					rs.getObject("assignee_id", UUID.class), instant(rs.getTimestamp("sla_due_at")),
					rs.getString("sla_state")))
			.list();
	}

	int count(UUID projectId, String state) {
		QueryPlans.customForTransaction(this.jdbc); // a project of 30 bugs or of 100,000
		return this.jdbc.sql("select count(*) from bugs where project_id = :project and sla_state = :state")
			.param("project", projectId)
			.param("state", state)
			.query(Integer.class)
			.single();
	}

	/** Clocks of the projects stopped in {@code [from, to)}: {met, total}. */
	int[] compliance(UUID[] projectIds, Instant from, Instant to) {
		QueryPlans.customForTransaction(this.jdbc);
		return this.jdbc.sql("""
				select count(*) filter (where met) as met, count(*) as total
				from bug_sla
				where project_id = any(:projects) and stopped_at >= :from and stopped_at < :to and met is not null
				""")
			.param("projects", projectIds)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new int[] { rs.getInt("met"), rs.getInt("total") })
			.single();
	}

	int count(UUID[] projectIds, String state) {
		QueryPlans.customForTransaction(this.jdbc);
		return this.jdbc.sql("select count(*) from bugs where project_id = any(:projects) and sla_state = :state")
			.param("projects", projectIds)
			.param("state", state)
			.query(Integer.class)
			.single();
	}

	record FirstResponse(int bugs, Double meanHours) {
	}

	/**
	 * Bugs filed since {@code from} that got a first response from someone else than
	 * their reporter.
	 */
	FirstResponse firstResponse(UUID projectId, Instant from) {
		QueryPlans.customForTransaction(this.jdbc); // a project of 30 bugs or of 100,000
		return this.jdbc.sql("""
				select count(*) as bugs, avg(extract(epoch from (first_response_at - started_at))) / 3600.0 as hours
				from bug_sla
				where project_id = :project and started_at >= :from and first_response_at is not null
				""").param("project", projectId).param("from", Timestamp.from(from)).query((rs, n) -> {
			double hours = rs.getDouble("hours");
			return new FirstResponse(rs.getInt("bugs"), rs.wasNull() ? null : Math.round(hours * 100) / 100.0);
		}).single();
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
