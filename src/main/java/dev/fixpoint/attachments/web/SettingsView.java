package dev.fixpoint.attachments.web;

import java.util.List;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;

/**
 * What a project admin sees about attachments: the project's allowed types and retention
 * (a form, as typed after a refusal), and the site's malware scanning, storage and quota.
 *
 * @param allowedTypesTyped the allowed types as the form shows them (comma-separated)
 * @param retentionTyped the retention in days as the form shows it (empty: keep)
 * @param saved the settings were just saved
 */
public record SettingsView(Capabilities can, List<String> allowedTypes, Integer retentionDays, String allowedTypesTyped,
		String retentionTyped, FormErrors errors, boolean saved, boolean scanning, String storage, String maxSizeText,
		String quotaText, String usedText, int usedPercent, long attachmentCount, String urlLifetime) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String action() {
		return AttachmentPageRoutes.settings(projectKey());
	}

	public String retentionText() {
		if (this.retentionDays == null) {
			return "Attachments are kept until their bug or the file is deleted.";
		}
		return "Attachments of closed bugs are deleted " + this.retentionDays
				+ (this.retentionDays == 1 ? " day" : " days") + " after the bug was closed.";
	}

}
