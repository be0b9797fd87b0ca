package dev.fixpoint.bugs.list;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugSort;
import dev.fixpoint.bugs.web.BugRoutes;

/**
 * Links of a bug list page: the same query parameters as the API, so every state of the
 * list is a URL that can be shared. Changing the sort or the filters starts again at the
 * first page.
 */
public record BugListLinks(String projectKey, BugListRequest params) {

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

	/**
	 * Sorting by a column: the first click puts the most important / newest first, the
	 * next click reverses.
	 */
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
		return this.params.filtered();
	}

	public String clearFilters() {
		return url(this.params.toBuilder().clearFilters().build());
	}

	private BugSort currentSort() {
		return BugSort.parse(this.params.sort()).orElse(BugSort.UPDATED_DESC);
	}

	private BugListRequest withSort(String sort) {
		return this.params.toBuilder().sort(sort).cursor(null).build();
	}

	/** The same filters as CSV, every page of them. */
	public String exportCsv() {
		return url(BugRoutes.exportCsv(this.projectKey), this.params.withCursor(null));
	}

	private String url(BugListRequest p) {
		return url(BugRoutes.list(this.projectKey), p);
	}

	private String url(String path, BugListRequest p) {
		String query = p.queryString();
		return query.isEmpty() ? path : path + "?" + query;
	}

}
