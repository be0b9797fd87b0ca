package dev.fixpoint.triage.web;

import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.triage.TriageAdmin.TriageStatus;

/** What {@code triage/settings.jte} shows: switches, model, progress, acceptance. */
public record SettingsPage(Capabilities can, TriageStatus status, boolean saved) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String action() {
		return TriageRoutes.settings(projectKey());
	}

}
