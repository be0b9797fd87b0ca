package dev.fixpoint.portal.web;

import java.util.List;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.PortalField;
import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.projects.Capabilities;

/**
 * The portal settings page of a project (admins): the portal's settings, the bugs on the
 * status page, publishing one.
 */
public record PortalSettingsPage(Capabilities can, boolean projectPublic, String statusUrl, PortalSettingsForm form,
		FormErrors errors, boolean saved, List<String> components, List<StatusEntry> entries, PublishForm publish,
		FormErrors publishErrors) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String action() {
		return PortalRoutes.settings(projectKey());
	}

	public String publishAction() {
		return PortalRoutes.settings(projectKey()) + "/entries";
	}

	public String unpublishAction(StatusEntry entry) {
		return PortalRoutes.settings(projectKey()) + "/entries/" + entry.id() + "/delete";
	}

	public String portalUrl() {
		return PortalRoutes.form(projectKey());
	}

	public PortalField[] fields() {
		return PortalField.values();
	}

	public List<String> severities() {
		return List.of("critical", "high", "medium", "low");
	}

}
