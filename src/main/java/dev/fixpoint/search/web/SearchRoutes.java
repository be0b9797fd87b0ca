package dev.fixpoint.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The search pages' URLs and element ids, shared by controllers and templates. */
public final class SearchRoutes {

	public static final String SEARCH = "/search";

	/**
	 * Up to {@value SearchPageController#QUICK_LIMIT} hits while typing in the header
	 * box.
	 */
	public static final String QUICK = "/search/quick";

	/** The query language's help page, linked from the search boxes. */
	public static final String HELP = "/help/search";

	/** Suggestions at the caret of a query being typed (JSON). */
	public static final String SUGGEST = "/search/suggest";

	/** The header's quick search input and the list of its hits. */
	public static final String QUICK_INPUT_ID = "quick-search";

	public static final String QUICK_RESULTS_ID = "quick-results";

	/** The saved filters panel of a project, loaded into the bug list. */
	public static final String FILTERS_ID = "saved-filters";

	private SearchRoutes() {
	}

	/**
	 * The search page for a query, in one project ({@code projectKey}) or across all
	 * ({@code null}).
	 */
	public static String search(String projectKey, String query) {
		return search(projectKey, query, null);
	}

	public static String search(String projectKey, String query, String cursor) {
		List<String> params = new ArrayList<>();
		add(params, "q", query);
		add(params, "project", projectKey);
		add(params, "cursor", cursor);
		return params.isEmpty() ? SEARCH : SEARCH + "?" + String.join("&", params);
	}

	/**
	 * The suggestions URL the search box asks (the project's values, or all of the
	 * user's).
	 */
	public static String suggest(String projectKey) {
		return projectKey == null ? SUGGEST
				: SUGGEST + "?project=" + URLEncoder.encode(projectKey, StandardCharsets.UTF_8);
	}

	public static String filters(String projectKey) {
		return "/p/" + projectKey + "/filters";
	}

	public static String deleteFilter(UUID id) {
		return "/filters/" + id + "/delete";
	}

	public static String bug(String bugKey) {
		return "/bugs/" + bugKey;
	}

	private static void add(List<String> params, String name, String value) {
		if (value != null && !value.isBlank()) {
			params.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
		}
	}

}
