package dev.fixpoint.bugs.filing;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@Tag(name = "Bugs")
class SimilarBugsApiController {

	private final BugQueries queries;

	SimilarBugsApiController(BugQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/projects/{project}/bugs/similar")
	@Operation(operationId = "findSimilarBugs", summary = "Up to 5 likely duplicates of a title, open bugs first")
	List<Bug> similar(@PathVariable String project, @RequestParam(required = false) String title,
			@Authenticated CurrentUser user) {
		return this.queries.similar(project, title, user);
	}

}
