package dev.fixpoint.bugs.list;

import dev.fixpoint.bugs.bulk.BulkSummary;
import dev.fixpoint.bugs.web.Messages;

import dev.fixpoint.platform.web.HtmxRequest;
import java.time.Clock;
import java.util.List;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The bug list of a project: one handler, the whole page or (for htmx) only the results fragment. */
@Controller
class BugListController {

	private final BugQueries queries;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final Clock clock;

	BugListController(BugQueries queries, ProjectAccess access, ProjectMembers members, Clock clock) {
		this.queries = queries;
		this.access = access;
		this.members = members;
		this.clock = clock;
	}

	@GetMapping("/p/{project}/bugs")
	ModelAndView list(@PathVariable String project, BugListRequest params, HtmxRequest htmx, @Authenticated CurrentUser user,
			HttpServletResponse response, Model model) {
		Membership member = this.access.membership(project, user);
		Page<Bug> page = new Page<>(List.of(), null);
		BugCount count = null;
		List<String> errors = List.of();
		try {
			page = this.queries.list(project, params, user);
			if (params.cursor() == null || params.cursor().isBlank()) {
				count = page.nextCursor() == null ? new BugCount(page.items().size(), false)
						: this.queries.count(project, params, user);
			}
		}
		catch (DomainException ex) {
			if (!(ex instanceof InvalidInputException)) {
				throw ex;
			}
			errors = Messages.of(ex);
		}
		String key = member.project().key();
		List<Member> all = this.members.list(member.projectId());
		BugListView view = new BugListView(key, member.project().name(), params, new BugListLinks(key, params),
				member.project().workflow(), users(all, true), users(all, false), page.items(), count, page.nextCursor(),
				errors, member.can(ProjectAction.CREATE_BUG), Times.now(this.clock),
				member.can(ProjectAction.MANAGE_PROJECT), (BulkSummary) model.getAttribute(BulkSummary.FLASH_ATTRIBUTE));
		if (htmx.fragment()) {
			response.setHeader("HX-Push-Url", view.links().current());
			return new ModelAndView("bugs/list/results", "view", view);
		}
		return new ModelAndView("bugs/list/list", "view", view);
	}

	private static List<UserSummary> users(List<Member> members, boolean assignableOnly) {
		return members.stream()
			.filter(m -> !assignableOnly || BugManagement.canWorkBugs(m.role()))
			.map(Member::user)
			.toList();
	}

}
