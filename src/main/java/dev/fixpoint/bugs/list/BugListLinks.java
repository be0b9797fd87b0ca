package dev.fixpoint.bugs.list;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/** Names of the filters, for the chips of the active ones. */
	private static final Map<String, String> FILTER_LABELS = Map.ofEntries(Map.entry("status", "Status"),
			Map.entry("severity", "Severity"), Map.entry("priority", "Priority"), Map.entry("assignee", "Assignee"),
			Map.entry("reporter", "Reporter"), Map.entry("tag", "Tag"), Map.entry("component", "Component"),
			Map.entry("created_from", "Created from"), Map.entry("created_to", "Created to"),
			Map.entry("updated_from", "Updated from"), Map.entry("updated_to", "Updated to"),
			Map.entry("resolved_from", "Resolved from"), Map.entry("resolved_to", "Resolved to"),
			Map.entry("due_before", "Due before"), Map.entry("sla", "SLA"), Map.entry("q", "Search"));

	private static final Set<String> NOT_FILTERS = Set.of("sort", "cursor", "limit");

	/** An active filter: what it is, and this list without it. */
	public record Chip(String name, String label, String value, String removeUrl) {
	}

	/**
	 * The active filters, one chip per value (a phone shows them while the filters are
	 * folded away); each links to the list without it, from the first page.
	 */
	public List<Chip> chips() {
		List<String> pairs = Arrays.asList(this.params.withCursor(null).queryString().split("&"));
		List<Chip> chips = new ArrayList<>();
		for (String pair : pairs) {
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			if (eq < 0 || NOT_FILTERS.contains(name)) {
				continue;
			}
			List<String> others = pairs.stream().filter(p -> !p.equals(pair)).toList();
			String path = BugRoutes.list(this.projectKey);
			chips.add(new Chip(name, FILTER_LABELS.getOrDefault(name, name),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8),
					others.isEmpty() ? path : path + "?" + String.join("&", others)));
		}
		return chips;
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
