package dev.fixpoint.bugs;

import java.util.List;

/**
 * The query parameters of a bug list exactly as sent (API and page alike); {@link BugQueries} validates and resolves
 * them. Multi-valued filters accept repeated parameters and comma-separated values.
 */
public record BugListParams(List<String> status, List<String> severity, List<String> priority, String assignee,
		String reporter, List<String> tag, String component, String createdFrom, String createdTo, String updatedFrom,
		String updatedTo, String dueBefore, String q, String sort, String cursor, Integer limit) {

	public BugListParams {
		status = clean(status);
		severity = clean(severity);
		priority = clean(priority);
		tag = clean(tag);
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
				this.q, this.sort, this.cursor, newLimit);
	}

	public BugListParams withCursor(String next) {
		return new BugListParams(this.status, this.severity, this.priority, this.assignee, this.reporter, this.tag,
				this.component, this.createdFrom, this.createdTo, this.updatedFrom, this.updatedTo, this.dueBefore,
				this.q, this.sort, next, this.limit);
	}

}
