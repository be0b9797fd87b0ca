package dev.fixpoint.search.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.search.SavedFilter;

/**
 * What {@code search/page.jte} shows.
 *
 * @param can the project searched in and what the caller may do there, or null for every
 * project of the user
 * @param errors messages about the query that do not point at a place in it
 * @param queryError the query's syntax error with the offending part, or null
 * @param statuses status keys offered by the add-chip control (the project's, when
 * searching in one)
 * @param assignable people offered by the add-chip control besides me and unassigned
 * @param filters saved filters of the project (empty across projects)
 * @param notice what the last save or delete did, or null
 */
public record SearchView(String query, Capabilities can, List<SearchHitView> hits, String nextCursor,
		List<String> errors, QueryErrorMark queryError, List<QueryChip> chips, List<String> statuses,
		List<UserSummary> assignable, List<SavedFilter> filters, UUID userId, String notice) {

	/** The project searched in, or null across projects. */
	public String projectKey() {
		return this.can == null ? null : this.can.projectKey();
	}

	/**
	 * Sharing a filter with the project: members who may file bugs (the service's rule).
	 */
	public boolean canShare() {
		return this.can != null && this.can.fileBugs();
	}

	public SearchView withNotice(String text) {
		return new SearchView(this.query, this.can, this.hits, this.nextCursor, this.errors, this.queryError,
				this.chips, this.statuses, this.assignable, this.filters, this.userId, text);
	}

	public boolean searched() {
		return this.query != null && !this.query.isBlank();
	}

	public String value() {
		return this.query == null ? "" : this.query;
	}

	public String moreUrl() {
		return SearchRoutes.search(projectKey(), this.query, this.nextCursor);
	}

	public FilterPanel filterPanel() {
		return new FilterPanel(this.can, this.filters, this.userId, here());
	}

	public String saveUrl() {
		return SearchRoutes.filters(projectKey());
	}

	/** Where a delete returns to: this page. */
	public String here() {
		return SearchRoutes.search(projectKey(), this.query);
	}

}
