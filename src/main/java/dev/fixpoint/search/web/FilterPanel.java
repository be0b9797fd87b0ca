package dev.fixpoint.search.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.search.SavedFilter;

/**
 * A project's saved filters as links to the search page, with delete for one's own.
 *
 * @param next where a delete returns to
 */
public record FilterPanel(String projectKey, List<SavedFilter> filters, UUID userId, String next) {

	public String url(SavedFilter filter) {
		return SearchRoutes.search(this.projectKey, filter.query());
	}

	public boolean owns(SavedFilter filter) {
		return filter.owner() != null && filter.owner().id().equals(this.userId);
	}

	public String deleteUrl(SavedFilter filter) {
		return SearchRoutes.deleteFilter(filter.id());
	}

}
