package dev.fixpoint.search;

import dev.fixpoint.projects.Membership;

/** Checks queries against the query language (wired in once the parser lands). */
final class SearchQueries {

	private SearchQueries() {
	}

	static void validate(Membership member, String query) {
		// replaced by QueryLanguage.parse(query, context of the project's statuses)
	}

}
