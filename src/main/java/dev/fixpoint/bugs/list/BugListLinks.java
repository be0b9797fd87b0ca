package dev.fixpoint.bugs.list;

import dev.fixpoint.bugs.web.BugRoutes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.fixpoint.bugs.BugListParams;
import dev.fixpoint.bugs.BugSort;

/**
 * Links of a bug list page: the same query parameters as the API, so every state of the list is a URL that can be
 * shared. Changing the sort or the filters starts again at the first page.
 */
public record BugListLinks(String projectKey, BugListParams params) {

	/** This list, canonical (no empty parameters), including the cursor. */
	public String current() {
		return url(this.params);
	}

	public String firstPage() {
		return url(this.params.withCursor(null));
	}

	public String nextPage(String cursor) {
		return url(this.params.withCursor(cursor));
	}

	/** Sorting by a column: the first click puts the most important / newest first, the next click reverses. */
	public String sortBy(String field) {
		BugSort current = currentSort();
		String next = current.field().equals(field) && current.descendingParam() ? field : "-" + field;
		return url(withSort(next));
	}

	/** The {@code aria-sort} value of a column header. */
	public String ariaSort(String field) {
		BugSort current = currentSort();
		if (!current.field().equals(field)) {
			return "none";
		}
		return current.descendingParam() ? "descending" : "ascending";
	}

	public String arrow(String field) {
		return switch (ariaSort(field)) {
			case "descending" -> "↓";
			case "ascending" -> "↑";
			default -> "";
		};
	}

	public String sortParam() {
		return currentSort().param();
	}

	/** Whether any filter (not the sort or page) is set. */
	public boolean filtered() {
		BugListParams p = this.params;
		return !p.status().isEmpty() || !p.severity().isEmpty() || !p.priority().isEmpty() || !p.tag().isEmpty()
				|| hasText(p.assignee()) || hasText(p.reporter()) || hasText(p.component()) || hasText(p.createdFrom())
				|| hasText(p.createdTo()) || hasText(p.updatedFrom()) || hasText(p.updatedTo())
				|| hasText(p.dueBefore()) || hasText(p.q()) || !p.sla().isEmpty();
	}

	public String clearFilters() {
		BugListParams p = this.params;
		return url(new BugListParams(null, null, null, null, null, null, null, null, null, null, null, null, null,
				p.sort(), null, p.limit(), List.of()));
	}

	private BugSort currentSort() {
		return BugSort.parse(this.params.sort()).orElse(BugSort.UPDATED_DESC);
	}

	private BugListParams withSort(String sort) {
		BugListParams p = this.params;
		return new BugListParams(p.status(), p.severity(), p.priority(), p.assignee(), p.reporter(), p.tag(),
				p.component(), p.createdFrom(), p.createdTo(), p.updatedFrom(), p.updatedTo(), p.dueBefore(), p.q(), sort,
				null, p.limit(), p.sla());
	}

	/** The same filters as CSV, every page of them. */
	public String exportCsv() {
		return url(BugRoutes.exportCsv(this.projectKey), this.params.withCursor(null));
	}

	private String url(BugListParams p) {
		return url(BugRoutes.list(this.projectKey), p);
	}

	private String url(String path, BugListParams p) {
		List<String> query = new ArrayList<>();
		p.status().forEach(v -> add(query, "status", v));
		p.severity().forEach(v -> add(query, "severity", v));
		p.priority().forEach(v -> add(query, "priority", v));
		add(query, "assignee", p.assignee());
		add(query, "reporter", p.reporter());
		p.tag().forEach(v -> add(query, "tag", v));
		add(query, "component", p.component());
		add(query, "created_from", p.createdFrom());
		add(query, "created_to", p.createdTo());
		add(query, "updated_from", p.updatedFrom());
		add(query, "updated_to", p.updatedTo());
		add(query, "due_before", p.dueBefore());
		p.sla().forEach(v -> add(query, "sla", v));
		add(query, "q", p.q());
		add(query, "sort", p.sort());
		add(query, "cursor", p.cursor());
		add(query, "limit", p.limit() == null ? null : p.limit().toString());
		return query.isEmpty() ? path : path + "?" + String.join("&", query);
	}

	private static void add(List<String> query, String name, String value) {
		if (hasText(value)) {
			query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
