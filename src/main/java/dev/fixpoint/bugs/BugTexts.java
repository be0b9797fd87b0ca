package dev.fixpoint.bugs;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A bug's report as markdown, through the same {@link BugMarkdown} as comments. */
@Service
public class BugTexts {

	private final ProjectAccess access;

	private final BugMarkdown markdown;

	BugTexts(ProjectAccess access, BugMarkdown markdown) {
		this.access = access;
		this.markdown = markdown;
	}

	/**
	 * The caller must be a member of the bug's project (404 otherwise), as for reading
	 * the bug itself.
	 */
	@Transactional(readOnly = true)
	public RenderedReport report(Bug bug, CurrentUser user) {
		BugMarkdown.Links links = this.markdown.in(this.access.membership(bug.projectId(), user));
		return new RenderedReport(links.render(bug.description()).html(), links.render(bug.stepsToReproduce()).html(),
				links.render(bug.expectedBehavior()).html(), links.render(bug.actualBehavior()).html());
	}

}
