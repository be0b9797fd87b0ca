package dev.fixpoint.bugs.filing;

import java.util.List;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.workflow.Workflow;

/** What {@code bugs/similar.jte} shows: nothing at all when {@code bugs} is empty. */
public record SimilarBugsView(List<Bug> bugs, Workflow workflow) {

	public String url(Bug bug) {
		return BugRoutes.bug(bug.key());
	}

	public String statusName(Bug bug) {
		return this.workflow.nameOf(bug.status());
	}

	public String statusCategory(Bug bug) {
		return this.workflow.categoryOf(bug.status()).json();
	}

}
