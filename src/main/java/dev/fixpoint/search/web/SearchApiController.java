package dev.fixpoint.search.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.search.BugSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@Tag(name = "Search")
class SearchApiController {

	private final BugSearch search;

	SearchApiController(BugSearch search) {
		this.search = search;
	}

	static final String Q = "The query language (syntax: /help/search). Words rank hits by relevance; filters alone "
			+ "(status:open severity:critical, assignee:me, tag:checkout, is:open) list the matching bugs in the query's "
			+ "sort: (default -updated), paginated with next_cursor. status:\"in progress\" (quoted names), "
			+ "severity:critical OR severity:high (= severity:critical,high), - before any filter, word or phrase. "
			+ "A bug key alone (WEB-42, web-42) answers jump_to when the caller sees that bug. "
			+ "A query that does not parse: 400 with position and length.";

	@GetMapping("/api/search")
	@Operation(operationId = "searchBugs",
			summary = "Search across all of the caller's projects with the query language "
					+ "(e.g. status:open severity:critical assignee:me -tag:flaky \"login page\"): ranked hits for words, "
					+ "a list for filters alone; a bug key alone answers jump_to")
	BugSearch.Result everywhere(@Parameter(description = Q) @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.search.search(null, q, cursor, limit, user);
	}

	@GetMapping("/api/projects/{project}/search")
	@Operation(operationId = "searchProjectBugs",
			summary = "The same search inside one project (statuses, status names and components of that project)")
	BugSearch.Result inProject(@PathVariable String project,
			@Parameter(description = Q) @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.search.search(project, q, cursor, limit, user);
	}

}
