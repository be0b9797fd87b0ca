package dev.fixpoint.bugs.board;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.web.BugRoutes;

/**
 * The board's filters as bound from the query string (and carried by its forms): whose
 * bugs ({@code me} or anyone) and which severity. Unknown values are ignored rather than
 * refused: the board always shows.
 *
 * @param assignee {@code me}, or empty for anyone
 * @param severity a severity key, or empty for any
 */
public record BoardFilters(String assignee, String severity) {

	public BoardFilters {
		assignee = BugCriteria.ME.equalsIgnoreCase(assignee == null ? "" : assignee.trim()) ? BugCriteria.ME : "";
		severity = Severity.parse(severity).map(Severity::key).orElse("");
	}

	public boolean mine() {
		return !this.assignee.isEmpty();
	}

	BugListRequest params(String status, String sort, int limit) {
		return BugListRequest.builder()
			.status(status == null ? List.of() : List.of(status))
			.severity(this.severity.isEmpty() ? List.of() : List.of(this.severity))
			.assignee(this.assignee.isEmpty() ? null : this.assignee)
			.sort(sort)
			.limit(limit)
			.build();
	}

	/** The query string of these filters, {@code ?...} or empty. */
	public String query() {
		List<String> parts = new ArrayList<>();
		if (mine()) {
			parts.add("assignee=" + BugCriteria.ME);
		}
		if (!this.severity.isEmpty()) {
			parts.add("severity=" + this.severity);
		}
		return parts.isEmpty() ? "" : "?" + String.join("&", parts);
	}

	/** The bug list showing one status with these filters. */
	String listUrl(String projectKey, String status) {
		String query = query();
		return BugRoutes.list(projectKey) + (query.isEmpty() ? "?" : query + "&") + "status="
				+ URLEncoder.encode(status, StandardCharsets.UTF_8);
	}

}
