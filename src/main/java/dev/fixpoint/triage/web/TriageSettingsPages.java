package dev.fixpoint.triage.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.triage.TriageAdmin;
import dev.fixpoint.triage.TriageSettings;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The project admins' triage page: each kind of suggestion on or off, the model and its
 * version, how far the embedding of the project's bugs is, and how often suggestions were
 * accepted (others get the error page; the navigation links it for admins only).
 */
@Controller
class TriageSettingsPages {

	private final TriageAdmin admin;

	private final ProjectAccess access;

	TriageSettingsPages(TriageAdmin admin, ProjectAccess access) {
		this.admin = admin;
		this.access = access;
	}

	@GetMapping("/p/{project}/settings/triage")
	ModelAndView page(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return new ModelAndView("triage/settings", "page",
				new SettingsPage(admin.capabilities(), this.admin.status(project, user), saved != null));
	}

	@PostMapping("/p/{project}/settings/triage")
	String save(@PathVariable String project, @RequestParam(required = false) String duplicates,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String assignee, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		this.admin.change(project,
				new TriageSettings(duplicates != null, severity != null, priority != null, assignee != null), user);
		return "redirect:" + TriageRoutes.settings(admin.project().key()) + "?saved";
	}

}
