package dev.fixpoint.search.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.search.SavedFilter;

/**
 * What {@code search/page.jte} shows.
 *
 * @param projectKey the project searched in, or null for every project of the user
 * @param projectName its name (for the project navigation), or null
 * @param errors messages about the query that do not point at a place in it
 * @param queryError the query's syntax error with the offending part, or null
 * @param statuses status keys offered by the add-chip control (the project's, when
 * searching in one)
 * @param assignable people offered by the add-chip control besides me and unassigned
 * @param filters saved filters of the project (empty across projects)
 * @param notice what the last save or delete did, or null
 */
public record SearchView(String query, String projectKey, String projectName, List<SearchHitView> hits,
		String nextCursor, List<String> errors, QueryErrorMark queryError, List<QueryChip> chips, List<String> statuses,
		List<UserSummary> assignable, List<SavedFilter> filters, boolean canShare, UUID userId, String notice) {

	public SearchView withNotice(String text) {
		return new SearchView(this.query, this.projectKey, this.projectName, this.hits, this.nextCursor, this.errors,
				this.queryError, this.chips, this.statuses, this.assignable, this.filters, this.canShare, this.userId,
				text);
	}

	public boolean searched() {
		return this.query != null && !this.query.isBlank();
	}

	public String value() {
		return this.query == null ? "" : this.query;
	}

	public String moreUrl() {
		return SearchRoutes.search(this.projectKey, this.query, this.nextCursor);
	}

	public FilterPanel filterPanel() {
		return new FilterPanel(this.projectKey, this.filters, this.userId, here());
	}

	public String saveUrl() {
		return SearchRoutes.filters(this.projectKey);
	}

	/** Where a delete returns to: this page. */
	public String here() {
		return SearchRoutes.search(this.projectKey, this.query);
	}

}
