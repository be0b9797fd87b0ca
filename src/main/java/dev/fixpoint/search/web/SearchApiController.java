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

	@GetMapping("/api/search")
	@Operation(operationId = "searchBugs",
			summary = "Ranked search across all of the caller's projects, with the query language "
					+ "(e.g. status:open severity:critical assignee:me -tag:flaky \"login page\"); a bare bug key answers jump_to")
	BugSearch.Result everywhere(@Parameter(description = "query") @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.search.search(null, q, cursor, limit, user);
	}

	@GetMapping("/api/projects/{project}/search")
	@Operation(operationId = "searchProjectBugs",
			summary = "The same search inside one project (statuses and components of that project)")
	BugSearch.Result inProject(@PathVariable String project, @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.search.search(project, q, cursor, limit, user);
	}

}
