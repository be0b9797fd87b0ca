package dev.fixpoint.attachments.web;

import java.util.List;

/**
 * What a project admin sees about attachments: the project's allowed types and retention,
 * and the site's malware scanning, storage and quota.
 */
public record SettingsView(String projectKey, String projectName, List<String> allowedTypes, Integer retentionDays,
		boolean scanning, String storage, String maxSizeText, String quotaText, String usedText, int usedPercent,
		long attachmentCount, String urlLifetime) {

	public String retentionText() {
		if (this.retentionDays == null) {
			return "Attachments are kept until their bug or the file is deleted.";
		}
		return "Attachments of closed bugs are deleted " + this.retentionDays
				+ (this.retentionDays == 1 ? " day" : " days") + " after the bug was closed.";
	}

}
