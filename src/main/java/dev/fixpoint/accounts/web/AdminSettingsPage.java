package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.InstanceSettings;
import dev.fixpoint.platform.web.FormErrors;

/**
 * The instance settings page: the settings, what was wrong with a change, what happened.
 */
public record AdminSettingsPage(InstanceSettings.SiteSettings settings, FormErrors errors, String notice,
		String error) {

	public List<String> signupModes() {
		return List.of("open", "invite_only", "closed");
	}

	public String signupModeLabel(String mode) {
		return switch (mode) {
			case "open" -> "Open: anyone can sign up";
			case "invite_only" -> "Invite only: through an organization's invitation";
			default -> "Closed: nobody new";
		};
	}

	public List<String> tlsModes() {
		return List.of("starttls", "ssl", "none");
	}

	public String domains() {
		return String.join(", ", this.settings.allowedEmailDomains());
	}

}
