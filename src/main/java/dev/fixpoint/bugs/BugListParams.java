package dev.fixpoint.bugs;

import java.util.List;

/**
 * The query parameters of a bug list exactly as sent (API and page alike); {@link BugQueries} validates and resolves
 * them. Multi-valued filters accept repeated parameters and comma-separated values.
 */
public record BugListParams(List<String> status, List<String> severity, List<String> priority, String assignee,
		String reporter, List<String> tag, String component, String createdFrom, String createdTo, String updatedFrom,
		String updatedTo, String dueBefore, String q, String sort, String cursor, Integer limit, List<String> sla) {

	public BugListParams {
		sla = clean(sla);
		status = clean(status);
		severity = clean(severity);
		priority = clean(priority);
		tag = clean(tag);
	}

	/** Without an SLA filter. */
	public BugListParams(List<String> status, List<String> severity, List<String> priority, String assignee,
			String reporter, List<String> tag, String component, String createdFrom, String createdTo,
			String updatedFrom, String updatedTo, String dueBefore, String q, String sort, String cursor, Integer limit) {
		this(status, severity, priority, assignee, reporter, tag, component, createdFrom, createdTo, updatedFrom,
				updatedTo, dueBefore, q, sort, cursor, limit, List.of());
	}

	public static BugListParams empty() {
		return new BugListParams(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	private static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.filter(v -> v != null)
			.flatMap(v -> java.util.Arrays.stream(v.split(",")))
			.map(String::trim)
			.filter(v -> !v.isEmpty())
			.distinct()
			.toList();
	}

	public BugListParams withLimit(Integer newLimit) {
		return new BugListParams(this.status, this.severity, this.priority, this.assignee, this.reporter, this.tag,
				this.component, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo, this.dueBefore,
				this.q, this.sort, this.cursor, newLimit, this.sla);
	}

	public BugListParams withCursor(String next) {
		return new BugListParams(this.status, this.severity, this.priority, this.assignee, this.reporter, this.tag,
				this.component, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo, this.dueBefore,
				this.q, this.sort, next, this.limit, this.sla);
	}

}
