package dev.fixpoint.bugs.retention;

import dev.fixpoint.bugs.ClosedBugRetention;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;
import dev.fixpoint.projects.RetentionPolicy;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A project's retention of closed bugs, for its admins: see, preview and save. */
@Controller
class RetentionController {

	private final ClosedBugRetention retention;

	private final ProjectAccess access;

	RetentionController(ClosedBugRetention retention, ProjectAccess access) {
		this.retention = retention;
		this.access = access;
	}

	static String url(String projectKey) {
		return "/p/" + projectKey + "/settings/retention";
	}

	@GetMapping("/p/{project}/settings/retention")
	ModelAndView show(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		ClosedBugRetention.RetentionSettings settings = this.retention.settings(project, user);
		return page(admin, settings, settings, typed(settings.retentionDays()), settings.retentionAction(),
				FormErrors.none(), saved != null ? "saved" : null, HttpStatus.OK);
	}

	@PostMapping("/p/{project}/settings/retention")
	ModelAndView save(@PathVariable String project,
			@RequestParam(name = "retention_days", defaultValue = "") String days,
			@RequestParam(name = "retention_action", defaultValue = RetentionPolicy.ANONYMISE) String action,
			@RequestParam(defaultValue = "false") boolean preview, @Authenticated CurrentUser user) {
		Membership admin = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		String key = admin.project().key();
		return switch (Forms
			.submit(() -> this.retention.change(key, new RetentionPolicy(days(days), action), preview, user))) {
			case Accepted<ClosedBugRetention.RetentionSettings>(ClosedBugRetention.RetentionSettings shown) ->
				preview ? page(admin, this.retention.settings(key, user), shown, days, action, FormErrors.none(),
						"preview", HttpStatus.OK) : new ModelAndView("redirect:" + url(key) + "?saved");
			case Rejected<ClosedBugRetention.RetentionSettings> rejected -> page(admin,
					this.retention.settings(key, user), null, days, action, rejected.errors(), null, rejected.status());
		};
	}

	/** Empty keeps closed bugs (the API's null); otherwise a whole number of days. */
	private static Integer days(String typed) {
		String value = typed.strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("retention_days", "must be a whole number of days, or empty to keep them");
		}
	}

	private static String typed(Integer days) {
		return days == null ? "" : days.toString();
	}

	private static ModelAndView page(Membership admin, ClosedBugRetention.RetentionSettings saved,
			ClosedBugRetention.RetentionSettings shown, String days, String action, FormErrors errors, String notice,
			HttpStatus status) {
		ModelAndView mav = new ModelAndView("bugs/retention/settings", "view",
				new RetentionView(admin.capabilities(), saved, shown, days, action, errors, notice));
		mav.setStatus(status);
		return mav;
	}

}
