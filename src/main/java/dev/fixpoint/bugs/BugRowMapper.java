package dev.fixpoint.bugs;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Reads {@link BugRow}s from {@link #COLUMNS} by hand (no reflection: every list and
 * search maps its rows here, bench/README.md), and gives the statement parameters of the
 * parts {@link BugRepository} writes.
 */
final class BugRowMapper implements RowMapper<BugRow> {

	/**
	 * What {@link BugRepository} selects for a row ({@code b}: bugs, {@code p}:
	 * projects).
	 */
	static final String COLUMNS = """
			b.id, b.project_id, p.key as project_key, b.number, b.title, b.description, b.steps_to_reproduce,
			b.expected_behavior, b.actual_behavior, b.environment::text as environment, b.severity, b.priority,
			b.status, b.resolution, b.reporter_id, b.assignee_id, b.component_id, b.tags, b.due_date, b.sla_due_at,
			b.verified_by, b.resolved_at, b.closed_at, b.github_issue_url, b.linked_prs::text as linked_prs,
			b.version, b.created_at, b.updated_at, b.duplicate_of, b.sla_state, b.fixed_in, b.affects
			""";

	private static final TypeReference<Map<String, String>> ENVIRONMENT = new TypeReference<>() {
	};

	private static final TypeReference<List<Object>> LINKED_PRS = new TypeReference<>() {
	};

	private final JsonMapper json;

	BugRowMapper(JsonMapper json) {
		this.json = json;
	}

	@Override
	public BugRow mapRow(ResultSet rs, int row) throws SQLException {
		return new BugRow(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getString("project_key"), rs.getInt("number"), rs.getObject("reporter_id", UUID.class), report(rs),
				triage(rs), progress(rs), tracking(rs), new BugRow.Stamps(rs.getInt("version"),
						instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at"))));
	}

	private ReportText report(ResultSet rs) throws SQLException {
		return new ReportText(rs.getString("title"), rs.getString("description"), rs.getString("steps_to_reproduce"),
				rs.getString("expected_behavior"), rs.getString("actual_behavior"),
				environment(rs.getString("environment")));
	}

	/** Many bugs name no environment: {@code {}} needs no parser. */
	private Map<String, String> environment(String text) {
		return "{}".equals(text) ? new LinkedHashMap<>() : this.json.readValue(text, ENVIRONMENT);
	}

	private static BugRow.Triage triage(ResultSet rs) throws SQLException {
		return new BugRow.Triage(Severity.parse(rs.getString("severity")).orElseThrow(),
				Priority.parse(rs.getString("priority")).orElseThrow(), rs.getObject("assignee_id", UUID.class),
				rs.getObject("component_id", UUID.class), strings(rs.getArray("tags")),
				localDate(rs.getDate("due_date")), rs.getObject("fixed_in", UUID.class),
				rs.getObject("affects", UUID.class));
	}

	private static BugRow.Progress progress(ResultSet rs) throws SQLException {
		return new BugRow.Progress(rs.getString("status"), rs.getString("resolution"),
				rs.getObject("verified_by", UUID.class), rs.getObject("duplicate_of", UUID.class),
				instant(rs.getTimestamp("resolved_at")), instant(rs.getTimestamp("closed_at")));
	}

	private BugRow.Tracking tracking(ResultSet rs) throws SQLException {
		return new BugRow.Tracking(instant(rs.getTimestamp("sla_due_at")),
				SlaState.parse(rs.getString("sla_state")).orElse(null), rs.getString("github_issue_url"),
				linkedPrs(rs.getString("linked_prs")));
	}

	/** Most bugs link none: {@code []} needs no parser. */
	private List<Object> linkedPrs(String text) {
		return "[]".equals(text) ? new ArrayList<>() : this.json.readValue(text, LINKED_PRS);
	}

	/**
	 * The parameters of the parts a statement writes: report, triage, progress, tracking
	 * (each names its own).
	 */
	Map<String, Object> params(BugRow bug) {
		Map<String, Object> params = params(bug.report());
		params.putAll(params(bug.triage()));
		params.putAll(params(bug.progress()));
		params.putAll(params(bug.tracking()));
		return params;
	}

	/**
	 * {@code :title, :description, :steps, :expected, :actual, :environment} (jsonb as
	 * text).
	 */
	private Map<String, Object> params(ReportText r) {
		return params("title", r.title(), "description", text(r.description()), "steps", text(r.stepsToReproduce()),
				"expected", text(r.expectedBehavior()), "actual", text(r.actualBehavior()), "environment",
				this.json.writeValueAsString(r.environment()));
	}

	/**
	 * {@code :severity, :priority, :assigneeId, :componentId, :tags, :dueDate, :fixedIn,
	 * :affects}.
	 */
	private static Map<String, Object> params(BugRow.Triage t) {
		return params("severity", t.severity().key(), "priority", t.priority().key(), "assigneeId", t.assigneeId(),
				"componentId", t.componentId(), "tags", t.tags().toArray(String[]::new), "dueDate",
				t.dueDate() == null ? null : Date.valueOf(t.dueDate()), "fixedIn", t.fixedIn(), "affects", t.affects());
	}

	/**
	 * {@code :status, :resolution, :verifiedBy, :resolvedAt, :closedAt, :duplicateOf}.
	 */
	private static Map<String, Object> params(BugRow.Progress p) {
		return params("status", p.status(), "resolution", text(p.resolution()), "verifiedBy", p.verifiedBy(),
				"resolvedAt", timestamp(p.resolvedAt()), "closedAt", timestamp(p.closedAt()), "duplicateOf",
				p.duplicateOf());
	}

	/** {@code :slaDueAt, :slaState}. */
	private static Map<String, Object> params(BugRow.Tracking t) {
		return params("slaDueAt", timestamp(t.slaDueAt()), "slaState",
				text(t.slaState() == null ? null : t.slaState().key()));
	}

	/** Names and values, alternating; values may be null. */
	private static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i].toString(), namesAndValues[i + 1]);
		}
		return params;
	}

	/**
	 * A text that may be null, sent as {@code varchar} either way. An untyped null would
	 * make the driver parse the statement again whenever a null and a value alternate
	 * (the server types the null as the {@code text} column, the driver then sends
	 * {@code varchar}): a new parse and plan of the filing's statement on every
	 * alternation (bench/sql/README.md: the filing statement's "re-planning" was the
	 * driver re-parsing it).
	 */
	static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return new ArrayList<>(List.of((String[]) array.getArray()));
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
