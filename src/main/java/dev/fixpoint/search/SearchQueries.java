package dev.fixpoint.search;

import java.time.Clock;

import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;

/**
 * Checks a query against the query language and the project's statuses before it is
 * saved.
 */
final class SearchQueries {

	private SearchQueries() {
	}

	static SearchQuery validate(Membership member, String query, Clock clock) {
		QueryContext context = QueryContext.forWorkflow(member.project().workflow(), clock);
		try {
			return QueryLanguage.parse(query, context);
		}
		catch (QuerySyntaxException ex) {
			throw InvalidInputException.of("query", ex.getMessage());
		}
	}

}
