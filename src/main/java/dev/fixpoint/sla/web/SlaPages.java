package dev.fixpoint.sla.web;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.sla.SlaConfigRequest;
import dev.fixpoint.sla.SlaDashboard;
import dev.fixpoint.sla.SlaPolicy;
import dev.fixpoint.sla.SlaReport;
import dev.fixpoint.sla.SlaSettings;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The SLA dashboard of a project (every member) and its settings (admins); the same
 * services as the API.
 */
@Controller
class SlaPages {

	private final SlaDashboard dashboard;

	private final SlaSettings settings;

	private final ProjectAccess access;

	SlaPages(SlaDashboard dashboard, SlaSettings settings, ProjectAccess access) {
		this.dashboard = dashboard;
		this.settings = settings;
		this.access = access;
	}

	static String dashboard(String projectKey) {
		return "/p/" + projectKey + "/sla";
	}

	static String settings(String projectKey) {
		return "/p/" + projectKey + "/sla/settings";
	}

	@GetMapping("/p/{project}/sla")
	ModelAndView dashboard(@PathVariable String project, @Authenticated CurrentUser user) {
		Membership member = this.access.membership(project, user);
		SlaReport report = this.dashboard.report(project, user);
		SlaChart chart = SlaChart.of(report.weekly(), SlaDashboard.firstWeek(this.dashboard.now()), report.weeks());
		return new ModelAndView("sla/dashboard", "view", new SlaDashboardView(member.capabilities(), report, chart,
				SlaConfigRequest.of(this.settings.policyOf(member.projectId()))));
	}

	@GetMapping("/p/{project}/sla/settings")
	ModelAndView settings(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		SlaSettingsForm form = SlaSettingsForm.of(SlaConfigRequest.of(this.settings.policyOf(admin.projectId())));
		return new ModelAndView("sla/settings", "view",
				new SlaSettingsView(admin.capabilities(), form, FormErrors.none(), saved != null));
	}

	@PostMapping("/p/{project}/sla/settings")
	ModelAndView save(@PathVariable String project, SlaSettingsForm form, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		return switch (Forms.submit(() -> this.settings.update(project, form.toRequest(), user))) {
			case Accepted<SlaPolicy> saved ->
				new ModelAndView("redirect:" + settings(admin.project().key()) + "?saved");
			case Rejected<SlaPolicy> rejected -> {
				ModelAndView mav = new ModelAndView("sla/settings", "view",
						new SlaSettingsView(admin.capabilities(), form, rejected.errors(), false));
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

}
