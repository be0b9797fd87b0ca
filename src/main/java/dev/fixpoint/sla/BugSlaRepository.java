package dev.fixpoint.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.bugs.FiledBugRows;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.SlaState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bug_sla} clocks and the two derived columns of {@code bugs} this module
 * keeps ({@code sla_due_at}, {@code sla_state}). Reads a few facts of {@code bugs}
 * (severity, open or done, key, title, assignee); every other change to a bug goes
 * through the bugs module's services.
 */
@Repository
class BugSlaRepository {

	private static final String CLOCK_COLUMNS = """
			s.bug_id, s.project_id, s.severity, s.period, s.target_minutes, s.started_at, s.running_since,
			s.consumed_seconds, s.next_threshold, s.next_at
			""";

	private final JdbcClient jdbc;

	BugSlaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the clock needs to know about a bug; open = not in a done status (resolved_at
	 * is set exactly then).
	 */
	record BugFacts(UUID projectId, Severity severity, boolean open, Instant createdAt) {
	}

	Optional<BugFacts> facts(UUID bugId) {
		return this.jdbc
			.sql("select project_id, severity, resolved_at is null as open, created_at from bugs where id = :id")
			.param("id", bugId)
			.query((rs, n) -> new BugFacts(rs.getObject("project_id", UUID.class),
					Severity.parse(rs.getString("severity")).orElseThrow(), rs.getBoolean("open"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** A stored clock with the escalation it waits for. */
	record StoredClock(UUID bugId, UUID projectId, Severity severity, Instant startedAt, SlaClock clock,
			SlaClock.Escalation next) {
	}

	Optional<StoredClock> lock(UUID bugId) {
		return this.jdbc.sql("select " + CLOCK_COLUMNS + " from bug_sla s where s.bug_id = :id for update")
			.param("id", bugId)
			.query(BugSlaRepository::clock)
			.optional();
	}

	/**
	 * A clock that reached its next threshold, with what the escalation message says
	 * about the bug.
	 */
	record DueClock(StoredClock stored, String key, String title, UUID assigneeId) {
	}

	/**
	 * Clocks whose next threshold is due, oldest first, locked with their bug; rows
	 * another node (or a user edit) holds are skipped, so several nodes share the work
	 * and the job never waits for an edit.
	 */
	List<DueClock> lockDue(Instant now, int limit) {
		return this.jdbc.sql("select " + CLOCK_COLUMNS + """
				, p.key || '-' || b.number as key, b.title, b.assignee_id
				from bug_sla s
				join bugs b on b.id = s.bug_id
				join projects p on p.id = s.project_id
				where s.next_at <= :now
				order by s.next_at
				limit :limit
				for update of s, b skip locked
				""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new DueClock(clock(rs, n), rs.getString("key"), rs.getString("title"),
					rs.getObject("assignee_id", UUID.class)))
			.list();
	}

	void insert(StoredClock c) {
		this.jdbc.sql("""
				insert into bug_sla (bug_id, project_id, severity, period, target_minutes, started_at, running_since,
				    consumed_seconds, next_threshold, next_at)
				values (:bug, :project, :severity, :period, :target, :started, :running, :consumed, :threshold, :nextAt)
				""").params(params(c)).update();
	}

	/**
	 * {@link #insert} as a CTE of the bug's insert statement ({@link FiledBugRows}): the
	 * clock of a bug being filed, written by the statement that writes the bug.
	 */
	static FiledBugRows.Rows insertWithBug(StoredClock c) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params(c).forEach((name, value) -> params.put("sla_" + name, value));
		return new FiledBugRows.Rows(
				"""
						sla_clock as (
						    insert into bug_sla (bug_id, project_id, severity, period, target_minutes, started_at, running_since,
						        consumed_seconds, next_threshold, next_at)
						    select id, :sla_project, :sla_severity, :sla_period, :sla_target, :sla_started, :sla_running,
						        :sla_consumed, :sla_threshold, :sla_nextAt
						    from bug where id = :sla_bug
						)""",
				params);
	}

	void update(StoredClock c) {
		this.jdbc
			.sql("""
					update bug_sla set severity = :severity, period = :period, target_minutes = :target,
					    running_since = :running, consumed_seconds = :consumed, next_threshold = :threshold, next_at = :nextAt
					where bug_id = :bug
					""")
			.params(params(c))
			.update();
	}

	/**
	 * The clock stopped (the bug is done): remember when and whether it was within the
	 * target.
	 */
	void stopped(UUID bugId, Instant at, Boolean met) {
		this.jdbc.sql("update bug_sla set stopped_at = :at, met = :met where bug_id = :bug")
			.param("bug", bugId)
			.param("at", at == null ? null : Timestamp.from(at))
			.param("met", met)
			.update();
	}

	void updateBug(UUID bugId, Instant dueAt, SlaState state) {
		this.jdbc.sql("update bugs set sla_due_at = :due, sla_state = :state where id = :bug")
			.param("bug", bugId)
			.param("due", dueAt == null ? null : Timestamp.from(dueAt))
			.param("state", state == null ? null : state.key())
			.update();
	}

	/**
	 * Remembers the first response to a bug: a comment or status change by anyone but its
	 * reporter.
	 */
	void responded(UUID bugId, UUID actorId, Instant at) {
		this.jdbc.sql("""
				update bug_sla s set first_response_at = :at
				from bugs b
				where s.bug_id = :bug and b.id = s.bug_id and s.first_response_at is null and b.reporter_id <> :actor
				""").param("bug", bugId).param("actor", actorId).param("at", Timestamp.from(at)).update();
	}

	void updateBugState(UUID bugId, SlaState state) {
		this.jdbc.sql("update bugs set sla_state = :state where id = :bug")
			.param("bug", bugId)
			.param("state", state.key())
			.update();
	}

	/**
	 * Records an escalation; false when this bug, period and threshold already had one
	 * (another run or node).
	 */
	boolean recordEscalation(UUID bugId, int period, int threshold, Instant at) {
		return !this.jdbc
			.sql("""
					insert into sla_escalations (bug_id, period, threshold, fired_at) values (:bug, :period, :threshold, :at)
					on conflict do nothing
					returning bug_id
					""")
			.param("bug", bugId)
			.param("period", period)
			.param("threshold", threshold)
			.param("at", Timestamp.from(at))
			.query(UUID.class)
			.list()
			.isEmpty();
	}

	private static java.util.Map<String, Object> params(StoredClock c) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("bug", c.bugId());
		p.put("project", c.projectId());
		p.put("severity", c.severity().key());
		p.put("period", c.clock().period());
		p.put("target", c.clock().target() == null ? null : (int) c.clock().target().toMinutes());
		p.put("started", Timestamp.from(c.startedAt()));
		p.put("running", c.clock().runningSince() == null ? null : Timestamp.from(c.clock().runningSince()));
		p.put("consumed", c.clock().consumed().toSeconds());
		p.put("threshold", c.next() == null ? null : (short) c.next().threshold());
		p.put("nextAt", c.next() == null ? null : Timestamp.from(c.next().at()));
		return p;
	}

	private static StoredClock clock(ResultSet rs, int row) throws SQLException {
		int target = rs.getInt("target_minutes");
		boolean noTarget = rs.wasNull();
		Timestamp running = rs.getTimestamp("running_since");
		SlaClock clock = new SlaClock(rs.getInt("period"), noTarget ? null : Duration.ofMinutes(target),
				running == null ? null : running.toInstant(), Duration.ofSeconds(rs.getLong("consumed_seconds")));
		int threshold = rs.getInt("next_threshold");
		SlaClock.Escalation next = rs.wasNull() ? null
				: new SlaClock.Escalation(threshold, rs.getTimestamp("next_at").toInstant());
		return new StoredClock(rs.getObject("bug_id", UUID.class), rs.getObject("project_id", UUID.class),
				Severity.parse(rs.getString("severity")).orElseThrow(), rs.getTimestamp("started_at").toInstant(),
				clock, next);
	}

}
