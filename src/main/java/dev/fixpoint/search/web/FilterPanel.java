package dev.fixpoint.search.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.search.SavedFilter;
import dev.fixpoint.search.SavedFilters;

/**
 * A project's saved filters as links to the search page, with delete for one's own.
 *
 * @param next where a delete returns to
 */
public record FilterPanel(Capabilities can, List<SavedFilter> filters, UUID userId, String next) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	public String url(SavedFilter filter) {
		return SearchRoutes.search(projectKey(), filter.query());
	}

	/**
	 * Its owner, or a project admin when it is shared ({@link SavedFilters#mayDelete}).
	 */
	public boolean mayDelete(SavedFilter filter) {
		return SavedFilters.mayDelete(filter, this.userId, this.can);
	}

	public String deleteUrl(SavedFilter filter) {
		return SearchRoutes.deleteFilter(filter.id());
	}

}
