package dev.fixpoint.search.web;

import java.util.List;

/**
 * What the header's quick search shows while typing: the bug a key names, or the first
 * hits.
 */
public record QuickResults(String query, String jumpTo, List<SearchHitView> hits) {

	public boolean empty() {
		return this.jumpTo == null && this.hits.isEmpty();
	}

	public boolean typed() {
		return this.query != null && !this.query.isBlank();
	}

	public String jumpUrl() {
		return SearchRoutes.bug(this.jumpTo);
	}

	public String allUrl() {
		return SearchRoutes.search(null, this.query);
	}

}
