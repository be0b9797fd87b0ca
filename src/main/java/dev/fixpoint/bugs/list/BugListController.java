package dev.fixpoint.bugs.list;

import java.time.Clock;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCount;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.EditRules;
import dev.fixpoint.bugs.bulk.BulkSummary;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The bug list of a project, which is also the project's home ({@code /p/KEY}): one
 * handler, the whole page or (for htmx) only the results fragment.
 */
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

	/**
	 * A project's home is its bug list; non-members get 404 as for every project page.
	 */
	@GetMapping("/p/{project}")
	String home(@PathVariable String project, @Authenticated CurrentUser user) {
		return "redirect:" + BugRoutes.list(this.access.membership(project, user).project().key());
	}

	@GetMapping("/p/{project}/bugs")
	ModelAndView list(@PathVariable String project, BugListRequest params, HtmxRequest htmx,
			@Authenticated CurrentUser user, HttpServletResponse response, Model model) {
		Membership member = this.access.membership(project, user);
		// a bug key typed in the search box and sent as a page (Enter; htmx only swaps
		// the results while typing) opens that bug, in any case
		if (!htmx.fragment() && (params.cursor() == null || params.cursor().isBlank())) {
			var bug = this.queries.findByKey(params.q(), user);
			if (bug.isPresent()) {
				return new ModelAndView("redirect:" + BugRoutes.bug(bug.get().key()));
			}
		}
		// an invalid filter is shown above the (empty) results, and the page is still a
		// 200
		FormSubmission<Results> found = Forms.submit(() -> results(project, params, user));
		Results results = found instanceof Accepted<Results>(Results r) ? r : Results.NONE;
		Page<Bug> page = results.page();
		BugCount count = results.count();
		List<String> errors = found.errors().sentences();
		String key = member.project().key();
		List<Member> all = this.members.list(member.projectId());
		BugListView view = new BugListView(member.capabilities(), params, new BugListLinks(key, params),
				member.project().workflow(), users(all, true), users(all, false), page.items(), count,
				page.nextCursor(), errors, EditRules.bulkFields(member), Times.now(this.clock),
				(BulkSummary) model.getAttribute(BulkSummary.FLASH_ATTRIBUTE));
		if (htmx.fragment()) {
			response.setHeader("HX-Push-Url", view.links().current());
			return new ModelAndView("bugs/list/results", "view", view);
		}
		return new ModelAndView("bugs/list/list", "view", view);
	}

	/** A page of bugs, and their count on the first page. */
	private record Results(Page<Bug> page, BugCount count) {

		static final Results NONE = new Results(new Page<>(List.of(), null), null);

	}

	private Results results(String project, BugListRequest params, CurrentUser user) {
		Page<Bug> page = this.queries.list(project, params, user);
		if (params.cursor() != null && !params.cursor().isBlank()) {
			return new Results(page, null);
		}
		return new Results(page, page.nextCursor() == null ? new BugCount(page.items().size(), false)
				: this.queries.count(project, params, user));
	}

	private static List<UserSummary> users(List<Member> members, boolean assignableOnly) {
		return members.stream()
			.filter(m -> !assignableOnly || BugManagement.canWorkBugs(m.role()))
			.map(Member::user)
			.toList();
	}

}
