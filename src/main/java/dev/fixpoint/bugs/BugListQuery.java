package dev.fixpoint.bugs;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.Cursor;

/**
 * Builds the SQL of a filtered, sorted, keyset-paginated bug list. Only fixed SQL fragments are concatenated;
 * every value is a named parameter; the order comes from the {@link BugSort} whitelist.
 */
record BugListQuery(String fromWhereOrder, Map<String, Object> params) {

	static BugListQuery build(UUID projectId, BugFilter f, BugSort sort, Cursor after, int limit) {
		StringBuilder sql = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		where(sql, params, projectId, f);
		String cmp = sort.ascending() ? ">" : "<";
		String dir = sort.ascending() ? "asc" : "desc";
		if (after != null) {
			sql.append(" and (").append(sort.expression()).append(", b.id) ").append(cmp)
				.append(" (cast(:afterValue as ").append(sort.sqlType()).append("), cast(:afterId as uuid))");
			params.put("afterValue", after.get(0));
			params.put("afterId", after.get(1));
		}
		sql.append(" order by ").append(sort.expression()).append(' ').append(dir).append(", b.id ").append(dir);
		sql.append(" limit :limit");
		params.put("limit", limit);
		return new BugListQuery(sql.toString(), params);
	}

	/** {@code select b.status, count(*)} + this: the filtered bugs counted per status. */
	static BugListQuery countByStatus(UUID projectId, BugFilter f) {
		StringBuilder sql = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		where(sql, params, projectId, f);
		sql.append(" group by b.status");
		return new BugListQuery(sql.toString(), params);
	}

	private static void where(StringBuilder sql, Map<String, Object> params, UUID projectId, BugFilter f) {
		sql.append(" from bugs b join projects p on p.id = b.project_id where b.project_id = :projectId");
		params.put("projectId", projectId);
		if (!f.statuses().isEmpty()) {
			sql.append(" and b.status in (:statuses)");
			params.put("statuses", f.statuses());
		}
		if (!f.severities().isEmpty()) {
			sql.append(" and b.severity in (:severities)");
			params.put("severities", f.severities().stream().map(Severity::key).toList());
		}
		if (!f.priorities().isEmpty()) {
			sql.append(" and b.priority in (:priorities)");
			params.put("priorities", f.priorities().stream().map(Priority::key).toList());
		}
		if (f.unassigned()) {
			sql.append(" and b.assignee_id is null");
		}
		else if (f.assigneeId() != null) {
			sql.append(" and b.assignee_id = :assigneeId");
			params.put("assigneeId", f.assigneeId());
		}
		if (f.reporterId() != null) {
			sql.append(" and b.reporter_id = :reporterId");
			params.put("reporterId", f.reporterId());
		}
		if (!f.tags().isEmpty()) {
			sql.append(" and b.tags @> cast(:tags as text[])");
			params.put("tags", f.tags().toArray(String[]::new));
		}
		if (f.componentId() != null) {
			sql.append(" and b.component_id = :componentId");
			params.put("componentId", f.componentId());
		}
		range(sql, params, "b.created_at >= :createdFrom", "createdFrom", f.createdFrom());
		range(sql, params, "b.created_at < :createdTo", "createdTo", f.createdTo());
		range(sql, params, "b.updated_at >= :updatedFrom", "updatedFrom", f.updatedFrom());
		range(sql, params, "b.updated_at < :updatedTo", "updatedTo", f.updatedTo());
		if (f.dueBefore() != null) {
			sql.append(" and b.due_date < :dueBefore");
			params.put("dueBefore", Date.valueOf(f.dueBefore()));
		}
		if (f.text() != null && !f.text().isBlank()) {
			sql.append(" and b.search_vector @@ websearch_to_tsquery('english', :text)");
			params.put("text", f.text());
		}
	}

	/** The cursor that continues after {@code row} in this order. */
	static Cursor cursorAfter(BugRow row, BugSort sort) {
		String value = switch (sort) {
			case UPDATED_ASC, UPDATED_DESC -> row.updatedAt().toString();
			case CREATED_ASC, CREATED_DESC -> row.createdAt().toString();
			case PRIORITY_ASC, PRIORITY_DESC -> row.priority().key();
			case SEVERITY_ASC, SEVERITY_DESC -> String.valueOf(row.severity().ordinal());
			case DUE_ASC -> row.dueDate() == null ? "infinity" : row.dueDate().toString();
			case DUE_DESC -> row.dueDate() == null ? "-infinity" : row.dueDate().toString();
		};
		return Cursor.of(value, row.id().toString());
	}

	private static void range(StringBuilder sql, Map<String, Object> params, String clause, String name,
			java.time.Instant value) {
		if (value != null) {
			sql.append(" and ").append(clause);
			params.put(name, Timestamp.from(value));
		}
	}


}
