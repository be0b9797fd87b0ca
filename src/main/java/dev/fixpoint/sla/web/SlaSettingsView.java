package dev.fixpoint.sla.web;

import java.util.List;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;

/** The SLA settings page of a project (admins). */
public record SlaSettingsView(Capabilities can, SlaSettingsForm form, FormErrors errors, boolean saved) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

	public List<String> days() {
		return DAYS;
	}

	public String dayLabel(String key) {
		return key.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + key.substring(1);
	}

	public String action() {
		return SlaPages.settings(projectKey());
	}

	public String dashboardUrl() {
		return SlaPages.dashboard(projectKey());
	}

}
