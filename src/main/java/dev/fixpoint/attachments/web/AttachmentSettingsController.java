package dev.fixpoint.attachments.web;

import java.time.Duration;

import dev.fixpoint.attachments.AttachmentAdmin;
import dev.fixpoint.attachments.AttachmentSettings;
import dev.fixpoint.attachments.AttachmentStatus;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.projects.ProjectAction;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * For project admins: the project's allowed types and retention, and the site's scanning,
 * storage and quota.
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
	ModelAndView show(@PathVariable String project, @Authenticated CurrentUser user) {
		Membership member = this.access.require(project, user, ProjectAction.MANAGE_PROJECT);
		AttachmentSettings settings = this.admin.settings(user, member.project().key());
		AttachmentStatus status = this.admin.status(user, member.project().key());
		int percent = status.quotaBytes() <= 0 ? 0
				: (int) Math.min(100, Math.round(status.usedBytes() * 100.0 / status.quotaBytes()));
		return new ModelAndView("attachments/settings", "view",
				new SettingsView(member.project().key(), member.project().name(), settings.allowedTypes(),
						settings.retentionDaysAfterClose(), status.scanningEnabled(), storage(status.storageBackend()),
						AttachmentView.size(status.maxFileSize()), AttachmentView.size(status.quotaBytes()),
						AttachmentView.size(status.usedBytes()), percent, status.attachmentCount(),
						lifetime(status.urlLifetime())));
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
