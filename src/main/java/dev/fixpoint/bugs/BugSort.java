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
	DUE_DESC("-due", "coalesce(b.due_date, '-infinity'::date)", false, "date"),
	// most important first, then soonest due (none last): one integer key, the priority's
	// digit then the due day counted from 2000-01-01 (clamped; none = the largest; the
	// coalesce comes first because greatest() skips nulls), so the (key, id) keyset of
	// every other order serves it. My work's "Assigned to you". (urgency computes the
	// same in Java, for cursors)
	URGENCY("urgency",
			"((ascii(substr(b.priority, 2, 1)) - 48) * 10000000"
					+ " + least(greatest(coalesce(b.due_date - date '2000-01-01', 9999999), 0), 9999999))",
			true, "integer");

	private static final java.time.LocalDate URGENCY_EPOCH = java.time.LocalDate.of(2000, 1, 1);

	/** {@link #URGENCY}'s key of a bug, as its SQL expression computes it. */
	static long urgency(Priority priority, java.time.LocalDate due) {
		long day = due == null ? 9_999_999
				: Math.min(Math.max(java.time.temporal.ChronoUnit.DAYS.between(URGENCY_EPOCH, due), 0), 9_999_999);
		return priority.ordinal() * 10_000_000L + day;
	}

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
