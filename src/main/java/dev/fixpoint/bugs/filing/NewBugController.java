package dev.fixpoint.bugs.filing;

import java.util.List;
import java.util.Map;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.FormValues;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponents;
import dev.fixpoint.projects.ProjectMembers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Filing a bug from the structured form; errors re-render the form with everything the
 * user typed.
 */
@Controller
class NewBugController {

	private final BugManagement management;

	private final ProjectAccess access;

	private final ProjectMembers members;

	private final ProjectComponents components;

	NewBugController(BugManagement management, ProjectAccess access, ProjectMembers members,
			ProjectComponents components) {
		this.management = management;
		this.access = access;
		this.members = members;
		this.components = components;
	}

	@GetMapping("/p/{project}/bugs/new")
	ModelAndView form(@PathVariable String project, @Authenticated CurrentUser user) {
		Membership member = this.access.require(project, user, ProjectAction.CREATE_BUG);
		return page(member, NewBugForm.blank(), FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/p/{project}/bugs/new")
	ModelAndView report(@PathVariable String project, NewBugForm form, @Authenticated CurrentUser user) {
		Membership member = this.access.require(project, user, ProjectAction.CREATE_BUG);
		FormSubmission<NewBug> parsed = Forms.submit(form::toNewBug);
		// a form that does not parse is still checked by the rules, so all messages show
		// at once
		NewBug bug = parsed instanceof Accepted<NewBug>(NewBug typed) ? typed : asTyped(form);
		FormErrors invalid = parsed.errors().and(Forms.run(() -> BugRules.validateNew(bug)).errors());
		return switch (Forms.submit(invalid, () -> this.management.report(project, bug, user))) {
			case Accepted<Bug>(Bug created) -> new ModelAndView("redirect:" + BugRoutes.bug(created.key()));
			case Rejected<Bug> rejected -> page(member, form, rejected.errors(), rejected.status());
		};
	}

	/** The report as far as a form that does not parse can say. */
	private static NewBug asTyped(NewBugForm form) {
		return new NewBug(form.title(), null, null, null, null, Map.of(), Severity.parse(form.severity()).orElse(null),
				null, null, null, FormValues.tags(form.tags()), null);
	}

	private ModelAndView page(Membership member, NewBugForm form, FormErrors errors, HttpStatus status) {
		boolean canAssign = member.can(ProjectAction.ASSIGN);
		List<UserSummary> assignable = !canAssign ? List.of()
				: this.members.list(member.projectId())
					.stream()
					.filter(m -> BugManagement.canWorkBugs(m.role()))
					.map(m -> m.user())
					.toList();
		NewBugView view = new NewBugView(member.capabilities(), form, errors, assignable,
				this.components.list(member.projectId()));
		ModelAndView mav = new ModelAndView("bugs/filing/new", "view", view);
		mav.setStatus(status);
		return mav;
	}

}
