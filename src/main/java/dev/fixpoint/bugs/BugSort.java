package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.Optional;

/**
 * Orders of a bug list and how each is keyset-paginated. "Descending" ({@code -priority},
 * {@code -severity}) means most important first. Every order is (key, id) in one
 * direction, so an index on (project_id, key, id) serves it.
 */
public enum BugSort {

	UPDATED_ASC("updated", "b.updated_at", true, "timestamptz"),
	UPDATED_DESC("-updated", "b.updated_at", false, "timestamptz"),
	CREATED_ASC("created", "b.created_at", true, "timestamptz"),
	CREATED_DESC("-created", "b.created_at", false, "timestamptz"),
	// priority text P0 < P3: "most important first" is ascending text
	PRIORITY_ASC("priority", "b.priority", false, "text"), PRIORITY_DESC("-priority", "b.priority", true, "text"),
	// severity_rank 0 = critical
	SEVERITY_ASC("severity", "b.severity_rank", false, "smallint"),
	SEVERITY_DESC("-severity", "b.severity_rank", true, "smallint"),
	DUE_ASC("due", "coalesce(b.due_date, 'infinity'::date)", true, "date"),
	DUE_DESC("-due", "coalesce(b.due_date, '-infinity'::date)", false, "date");

	private final String param;

	private final String expression;

	private final boolean ascending;

	private final String sqlType;

	BugSort(String param, String expression, boolean ascending, String sqlType) {
		this.param = param;
		this.expression = expression;
		this.ascending = ascending;
		this.sqlType = sqlType;
	}

	public static Optional<BugSort> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.of(UPDATED_DESC);
		}
		return Arrays.stream(values()).filter(s -> s.param.equals(value.trim())).findFirst();
	}

	public String param() {
		return this.param;
	}

	/** The sort without its direction, e.g. {@code priority}. */
	public String field() {
		return this.param.startsWith("-") ? this.param.substring(1) : this.param;
	}

	public boolean descendingParam() {
		return this.param.startsWith("-");
	}

	String expression() {
		return this.expression;
	}

	boolean ascending() {
		return this.ascending;
	}

	String sqlType() {
		return this.sqlType;
	}

}
