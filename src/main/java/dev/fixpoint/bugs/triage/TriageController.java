package dev.fixpoint.bugs.triage;

import java.time.Clock;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.VersionConflictException;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.Flash;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;
import dev.fixpoint.projects.Member;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectMembers;
import dev.fixpoint.workflow.StatusCategory;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The triage queue: unassigned bugs waiting in to-do statuses, worst first. Assigning
 * removes a row (htmx gets an empty answer and a toast; a plain form post is redirected
 * back to the same page).
 */
@Controller
class TriageController {

	static final int PAGE_SIZE = 25;

	private final BugQueries queries;

	private final BugManagement management;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final Clock clock;

	TriageController(BugQueries queries, BugManagement management, ProjectAccess access, ProjectMembers members,
			Clock clock) {
		this.queries = queries;
		this.management = management;
		this.access = access;
		this.members = members;
		this.clock = clock;
	}

	@GetMapping("/p/{project}/triage")
	ModelAndView queue(@PathVariable String project, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user) {
		return new ModelAndView("bugs/triage/triage", "view", view(project, cursor, user, List.of()));
	}

	@PostMapping("/p/{project}/triage/assign")
	ModelAndView assign(@PathVariable String project, @RequestParam String bug, @RequestParam String assignee,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String cursor,
			HtmxRequest htmx, @Authenticated CurrentUser user, HttpServletResponse response) {
		String assigneeId = BugRules.assigneeId(assignee, user);
		return switch (Forms.alsoInForm(ForbiddenException.class)
			.submit(() -> this.management.edit(bug, BugRules.parseFormField("assignee_id", assigneeId, version),
					user))) {
			case Accepted<Bug> assigned when !htmx.request() -> new ModelAndView("redirect:" + BugRoutes.triage(project)
					+ (cursor == null || cursor.isBlank() ? "" : "?cursor=" + Cursor.decode(cursor, 2).encode()));
			case Accepted<Bug>(Bug assigned) -> {
				Flash.send(response,
						assigned.key() + (assigned.assignee() == null ? " left unassigned" : " assigned to "
								+ (assigned.assignee().id().equals(user.id()) ? "you" : assigned.assignee().name())));
				yield new ModelAndView("bugs/triage/triage-removed");
			}
			case Rejected<Bug> rejected when htmx.request() -> {
				// the row stays; the toast says why
				response.setHeader("HX-Reswap", "none");
				Flash.send(response, error(rejected));
				yield new ModelAndView("bugs/triage/triage-removed");
			}
			case Rejected<Bug> rejected -> {
				ModelAndView mav = new ModelAndView("bugs/triage/triage", "view",
						view(project, cursor, user, List.of(error(rejected))));
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	private static String error(Rejected<Bug> rejected) {
		if (rejected.refusal() instanceof VersionConflictException stale) {
			return "Someone else changed " + stale.current().key() + " in the meantime; have a look at it first.";
		}
		return rejected.errors().text();
	}

	private TriageView view(String project, String cursor, CurrentUser user, List<String> errors) {
		Membership member = this.access.membership(project, user);
		Workflow workflow = member.project().workflow();
		List<String> todo = workflow.statuses()
			.stream()
			.filter(s -> s.category() == StatusCategory.TODO)
			.map(Workflow.Status::key)
			.toList();
		String page = cursor == null || cursor.isBlank() ? null : cursor;
		Page<Bug> bugs = todo.isEmpty() ? new Page<>(List.of(), null)
				: this.queries.list(project,
						BugListRequest.builder()
							.status(todo)
							.assignee(BugCriteria.NONE)
							.sort("-severity")
							.cursor(page)
							.limit(PAGE_SIZE)
							.build(),
						user);
		boolean canAssign = member.can(ProjectAction.ASSIGN);
		List<UserSummary> assignable = canAssign ? this.members.list(member.projectId())
			.stream()
			.filter(m -> BugManagement.canWorkBugs(m.role()))
			.map(Member::user)
			.toList() : List.of();
		return new TriageView(member.capabilities(), bugs.items(), page, bugs.nextCursor(), assignable, errors,
				Times.now(this.clock));
	}

}
