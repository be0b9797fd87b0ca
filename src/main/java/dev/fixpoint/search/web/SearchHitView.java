package dev.fixpoint.search.web;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.platform.SafeHtml;

/**
 * One hit as the search pages show it.
 *
 * @param statusCategory the CSS class suffix of the status badge (todo, in_progress,
 * done)
 */
public record SearchHitView(Bug bug, String projectKey, String statusName, String statusCategory, SafeHtml snippet) {

	public String url() {
		return SearchRoutes.bug(this.bug.key());
	}

}
