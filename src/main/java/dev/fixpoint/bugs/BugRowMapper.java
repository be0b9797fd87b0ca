package dev.fixpoint.bugs;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

	/**
	 * The environment, a jsonb object of strings: read by {@link #flatStrings} (a parser
	 * for each of a page's rows cost more allocation than the rest of the row,
	 * bench/sql/README.md "allocation of a search page"), by Jackson when it holds
	 * anything else.
	 */
	private Map<String, String> environment(String text) {
		Map<String, String> read = flatStrings(text);
		return read != null ? read : this.json.readValue(text, ENVIRONMENT);
	}

	/**
	 * A JSON object whose values are all strings, as PostgreSQL prints a jsonb one
	 * ({@code {"os": "Linux", "browser": "Firefox 133"}}), in its order; null for
	 * anything else (another value, not JSON): the caller then asks Jackson.
	 */
	static Map<String, String> flatStrings(String text) {
		if (text == null) {
			return null;
		}
		Map<String, String> map = new LinkedHashMap<>();
		int[] at = { skipSpace(text, 0) };
		if (at[0] >= text.length() || text.charAt(at[0]) != '{') {
			return null;
		}
		at[0] = skipSpace(text, at[0] + 1);
		if (at[0] < text.length() && text.charAt(at[0]) == '}') {
			return skipSpace(text, at[0] + 1) == text.length() ? map : null;
		}
		while (true) {
			String key = string(text, at);
			if (key == null) {
				return null;
			}
			at[0] = skipSpace(text, at[0]);
			if (at[0] >= text.length() || text.charAt(at[0]) != ':') {
				return null;
			}
			at[0] = skipSpace(text, at[0] + 1);
			String value = string(text, at);
			if (value == null) {
				return null;
			}
			map.put(key, value);
			at[0] = skipSpace(text, at[0]);
			if (at[0] >= text.length()) {
				return null;
			}
			char c = text.charAt(at[0]);
			if (c == '}') {
				return skipSpace(text, at[0] + 1) == text.length() ? map : null;
			}
			if (c != ',') {
				return null;
			}
			at[0] = skipSpace(text, at[0] + 1);
		}
	}

	/**
	 * The JSON string starting at {@code at[0]} (its quote), {@code at[0]} moved past its
	 * closing quote; null if there is none.
	 */
	private static String string(String text, int[] at) {
		int i = at[0];
		if (i >= text.length() || text.charAt(i) != '"') {
			return null;
		}
		int start = ++i;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"') {
				at[0] = i + 1;
				return text.substring(start, i);
			}
			if (c == '\\') {
				break;
			}
			if (c < 0x20) {
				return null;
			}
			i++;
		}
		// with escapes: copy
		StringBuilder out = new StringBuilder(text.length() - start);
		out.append(text, start, i);
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (c == '"') {
				at[0] = i;
				return out.toString();
			}
			if (c < 0x20) {
				return null;
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			if (i >= text.length()) {
				return null;
			}
			char e = text.charAt(i++);
			switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (i + 4 > text.length()) {
						return null;
					}
					int code = 0;
					for (int k = 0; k < 4; k++) {
						int digit = Character.digit(text.charAt(i++), 16);
						if (digit < 0) {
							return null;
						}
						code = code * 16 + digit;
					}
					out.append((char) code);
				}
				default -> {
					return null;
				}
			}
		}
		return null;
	}

	private static int skipSpace(String text, int i) {
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				break;
			}
			i++;
		}
		return i;
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
		return params("title", r.title(), "description", r.description(), "steps", r.stepsToReproduce(), "expected",
				r.expectedBehavior(), "actual", r.actualBehavior(), "environment",
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
		return params("status", p.status(), "resolution", p.resolution(), "verifiedBy", p.verifiedBy(), "resolvedAt",
				timestamp(p.resolvedAt()), "closedAt", timestamp(p.closedAt()), "duplicateOf", p.duplicateOf());
	}

	/** {@code :slaDueAt, :slaState}. */
	private static Map<String, Object> params(BugRow.Tracking t) {
		return params("slaDueAt", timestamp(t.slaDueAt()), "slaState",
				t.slaState() == null ? null : t.slaState().key());
	}

	/** Names and values, alternating; values may be null. */
	private static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put(namesAndValues[i].toString(), namesAndValues[i + 1]);
		}
		return params;
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
