package dev.fixpoint.bugs.filing;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Possible duplicates" under the title of the new-bug form, asked for by htmx as the
 * reporter types.
 */
@Controller
class SimilarBugsController {

	private final BugQueries queries;

	private final ProjectAccess access;

	SimilarBugsController(BugQueries queries, ProjectAccess access) {
		this.queries = queries;
		this.access = access;
	}

	@GetMapping("/p/{project}/bugs/similar-fragment")
	ModelAndView similar(@PathVariable String project, @RequestParam(required = false) String title,
			@Authenticated CurrentUser user) {
		Workflow workflow = this.access.membership(project, user).project().workflow();
		String t = title == null ? null : title.strip();
		List<Bug> bugs = t == null || t.length() > 200 ? List.of() : this.queries.similar(project, t, user);
		return new ModelAndView("bugs/filing/similar", "similar", new SimilarBugsView(bugs, workflow));
	}

}
