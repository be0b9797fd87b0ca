package dev.fixpoint.portal.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.portal.PortalAdmin;
import dev.fixpoint.portal.PortalSettings;
import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.portal.StatusPublishing;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.ProjectComponent;
import dev.fixpoint.projects.ProjectComponents;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's settings page under the project's settings (project admins; others get the
 * error page, and the navigation shows the link to admins only), with the bugs on the
 * status page.
 */
@Controller
class PortalSettingsPages {

	private final PortalAdmin admin;

	private final StatusPublishing publishing;

	private final ProjectAccess access;

	private final ProjectComponents components;

	PortalSettingsPages(PortalAdmin admin, StatusPublishing publishing, ProjectAccess access,
			ProjectComponents components) {
		this.admin = admin;
		this.publishing = publishing;
		this.access = access;
		this.components = components;
	}

	@GetMapping("/p/{project}/settings/portal")
	ModelAndView settings(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		PortalSettingsForm form = PortalSettingsForm.of(this.admin.settings(project, user));
		return page(admin, form, FormErrors.none(), saved != null, PublishForm.EMPTY, FormErrors.none());
	}

	@PostMapping("/p/{project}/settings/portal")
	ModelAndView save(@PathVariable String project, PortalSettingsForm form, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return switch (Forms.submit(() -> this.admin.update(project, form.toSettings(), user))) {
			case Accepted<PortalSettings> saved ->
				new ModelAndView("redirect:" + PortalRoutes.settings(admin.project().key()) + "?saved");
			case Rejected<PortalSettings> rejected -> {
				ModelAndView mav = page(admin, form, rejected.errors(), false, PublishForm.EMPTY, FormErrors.none());
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	@PostMapping("/p/{project}/settings/portal/entries")
	ModelAndView publish(@PathVariable String project, PublishForm form, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return switch (Forms.submit(
				() -> this.publishing.publish(form.bug() == null ? "" : form.bug().strip(), form.toInput(), user))) {
			case Accepted<StatusEntry> published ->
				new ModelAndView("redirect:" + PortalRoutes.settings(admin.project().key()) + "#status-page");
			case Rejected<StatusEntry> rejected -> {
				ModelAndView mav = page(admin, PortalSettingsForm.of(this.admin.settings(project, user)),
						FormErrors.none(), false, form, rejected.errors());
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	@PostMapping("/p/{project}/settings/portal/entries/{bug}/delete")
	String unpublish(@PathVariable String project, @PathVariable UUID bug, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		this.publishing.unpublish(bug.toString(), user);
		return "redirect:" + PortalRoutes.settings(admin.project().key()) + "#status-page";
	}

	private ModelAndView page(Membership admin, PortalSettingsForm form, FormErrors errors, boolean saved,
			PublishForm publish, FormErrors publishErrors) {
		List<String> names = this.components.list(admin.projectId()).stream().map(ProjectComponent::name).toList();
		return new ModelAndView("portal/settings", "page",
				new PortalSettingsPage(admin.capabilities(), admin.project().isPublic(),
						this.admin.statusPagePath(admin.project().orgId()), form, errors, saved, names,
						this.publishing.ofProject(admin), publish, publishErrors));
	}

}
