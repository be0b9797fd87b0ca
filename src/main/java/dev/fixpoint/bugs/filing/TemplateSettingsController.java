package dev.fixpoint.bugs.filing;

import java.util.UUID;

import dev.fixpoint.bugs.BugTemplate;
import dev.fixpoint.bugs.BugTemplates;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Project admins define the kinds of report the new-bug form offers
 * ({@code /p/{KEY}/settings/templates}); the same service as the API.
 */
@Controller
class TemplateSettingsController {

	private final BugTemplates templates;

	private final ProjectAccess access;

	TemplateSettingsController(BugTemplates templates, ProjectAccess access) {
		this.templates = templates;
		this.access = access;
	}

	static String url(String projectKey) {
		return "/p/" + projectKey + "/settings/templates";
	}

	@GetMapping("/p/{project}/settings/templates")
	ModelAndView show(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return page(admin, TemplateForm.blank(), null, FormErrors.none(), saved, HttpStatus.OK);
	}

	@PostMapping("/p/{project}/settings/templates")
	ModelAndView create(@PathVariable String project, TemplateForm form, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return switch (Forms.submit(() -> this.templates.create(project, form.input(), user))) {
			case Accepted<BugTemplate>(BugTemplate created) -> saved(admin, created.name());
			case Rejected<BugTemplate> rejected -> page(admin, form, null, rejected.errors(), null, rejected.status());
		};
	}

	@PostMapping("/p/{project}/settings/templates/{id}")
	ModelAndView edit(@PathVariable String project, @PathVariable UUID id, TemplateForm form,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return switch (Forms.submit(() -> this.templates.edit(id.toString(), form.input(), user))) {
			case Accepted<BugTemplate>(BugTemplate changed) -> saved(admin, changed.name());
			case Rejected<BugTemplate> rejected -> page(admin, form, id, rejected.errors(), null, rejected.status());
		};
	}

	@PostMapping("/p/{project}/settings/templates/{id}/delete")
	ModelAndView delete(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		this.templates.delete(id.toString(), user);
		return new ModelAndView("redirect:" + url(admin.project().key()));
	}

	private static ModelAndView saved(Membership admin, String name) {
		return new ModelAndView("redirect:" + url(admin.project().key()) + "?saved="
				+ java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
	}

	private ModelAndView page(Membership admin, TemplateForm form, UUID editing, FormErrors errors, String saved,
			HttpStatus status) {
		ModelAndView mav = new ModelAndView("bugs/filing/templates", "view", new TemplateSettingsView(
				admin.capabilities(), this.templates.list(admin), form, editing, errors, saved));
		mav.setStatus(status);
		return mav;
	}

}
