package dev.fixpoint.attachments.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.fixpoint.attachments.AttachmentAdmin;
import dev.fixpoint.attachments.AttachmentSettings;
import dev.fixpoint.attachments.AttachmentStatus;
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

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * For project admins: the project's allowed types and retention (shown and changed
 * through {@link AttachmentAdmin}, the service and validation of the API's {@code PUT
 * /api/projects/{id}/attachment-settings}), and the site's scanning, storage and quota.
 */
@Controller
class AttachmentSettingsController {

	private final AttachmentAdmin admin;

	private final ProjectAccess access;

	AttachmentSettingsController(AttachmentAdmin admin, ProjectAccess access) {
		this.admin = admin;
		this.access = access;
	}

	@GetMapping("/p/{project}/settings/attachments")
	ModelAndView show(@PathVariable String project, @RequestParam(required = false) String saved,
			@Authenticated CurrentUser user) {
		Membership member = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		AttachmentSettings settings = this.admin.settings(user, member.project().key());
		return page(member, user, settings, String.join(", ", settings.allowedTypes()),
				settings.retentionDaysAfterClose() == null ? "" : settings.retentionDaysAfterClose().toString(),
				FormErrors.none(), saved != null, HttpStatus.OK);
	}

	@PostMapping("/p/{project}/settings/attachments")
	ModelAndView save(@PathVariable String project,
			@RequestParam(name = "allowed_types", defaultValue = "") String types,
			@RequestParam(name = "retention_days_after_close", defaultValue = "") String retention,
			@Authenticated CurrentUser user) {
		Membership member = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		String key = member.project().key();
		return switch (Forms.submit(
				() -> this.admin.updateSettings(user, key, new AttachmentSettings(types(types), days(retention))))) {
			case Accepted<AttachmentSettings> ok ->
				new ModelAndView("redirect:" + AttachmentPageRoutes.settings(key) + "?saved");
			case Rejected<AttachmentSettings> rejected -> page(member, user, this.admin.settings(user, key), types,
					retention, rejected.errors(), false, rejected.status());
		};
	}

	/** "image, pdf, text/plain" as the API's list (the service checks each entry). */
	private static List<String> types(String typed) {
		return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Empty keeps attachments (the API's null); otherwise a whole number of days. */
	private static Integer days(String typed) {
		String value = typed.strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("retention_days_after_close",
					"must be a whole number of days, or empty to keep attachments");
		}
	}

	private ModelAndView page(Membership member, CurrentUser user, AttachmentSettings settings, String typedTypes,
			String typedRetention, FormErrors errors, boolean saved, HttpStatus status) {
		AttachmentStatus site = this.admin.status(user, member.project().key());
		int percent = site.quotaBytes() <= 0 ? 0
				: (int) Math.min(100, Math.round(site.usedBytes() * 100.0 / site.quotaBytes()));
		ModelAndView mav = new ModelAndView("attachments/settings", "view",
				new SettingsView(member.capabilities(), settings.allowedTypes(), settings.retentionDaysAfterClose(),
						typedTypes, typedRetention, errors, saved, site.scanningEnabled(),
						storage(site.storageBackend()), AttachmentView.size(site.maxFileSize()),
						AttachmentView.size(site.quotaBytes()), AttachmentView.size(site.usedBytes()), percent,
						site.attachmentCount(), lifetime(site.urlLifetime())));
		mav.setStatus(status);
		return mav;
	}

	private static String storage(String backend) {
		return switch (backend == null ? "" : backend.toLowerCase(java.util.Locale.ROOT)) {
			case "s3" -> "An S3-compatible object store";
			case "local", "filesystem" -> "Files on this server (under FIXPOINT_DATA_DIR)";
			default -> backend;
		};
	}

	private static String lifetime(Duration ttl) {
		if (ttl.toHours() >= 1 && ttl.toMinutesPart() == 0) {
			return ttl.toHours() + (ttl.toHours() == 1 ? " hour" : " hours");
		}
		return ttl.toMinutes() + " minutes";
	}

}
