package dev.fixpoint.bugs.filing;

import java.util.List;
import java.util.Map;

import dev.fixpoint.accounts.UserSummary;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.BugTemplates;
import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.bugs.Releases;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.bugs.TemplateFieldsMissingException;
import dev.fixpoint.bugs.web.BugRoutes;
import dev.fixpoint.bugs.web.FormValues;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestParam;
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

	private final BugTemplates templates;

	private final Releases releases;

	NewBugController(BugManagement management, ProjectAccess access, ProjectMembers members,
			ProjectComponents components, BugTemplates templates, Releases releases) {
		this.templates = templates;
		this.releases = releases;
		this.management = management;
		this.access = access;
		this.members = members;
		this.components = components;
	}

	/**
	 * @param template the kind of report to start from: its skeleton and required fields
	 */
	@GetMapping("/p/{project}/bugs/new")
	ModelAndView form(@PathVariable String project, @RequestParam(required = false) String template,
			@Authenticated CurrentUser user) {
		Membership member = this.access.require(project, user, ProjectAction.CREATE_BUG);
		NewBugForm form = template == null || template.isBlank() ? NewBugForm.blank()
				: this.templates.list(member)
					.stream()
					.filter(t -> t.name().equalsIgnoreCase(template.strip()))
					.findFirst()
					.map(NewBugForm::from)
					.orElse(NewBugForm.blank());
		return page(member, form, FormErrors.none(), HttpStatus.OK);
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
			case Rejected<Bug> rejected -> page(member, form, withMissing(rejected), rejected.status());
		};
	}

	/** A template's required fields that were left empty, each marked at its input. */
	private static FormErrors withMissing(Rejected<Bug> rejected) {
		if (!(rejected.refusal() instanceof TemplateFieldsMissingException missing)) {
			return rejected.errors();
		}
		return FormErrors.of(InvalidInputException.of(missing.missingFields()
			.stream()
			.map(field -> new FieldError(field, "is required for this kind of report"))
			.toList()));
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
				this.components.list(member.projectId()), this.templates.list(member),
				this.releases.list(member, false));
		ModelAndView mav = new ModelAndView("bugs/filing/new", "view", view);
		mav.setStatus(status);
		return mav;
	}

}
