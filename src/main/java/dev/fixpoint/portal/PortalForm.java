package dev.fixpoint.portal;

/**
 * What a portal's form shows: the project, the admin's intro and fields, a fresh
 * challenge, the organization's status page and branding.
 */
public record PortalForm(String projectKey, String projectName, String intro, PortalSettings settings,
		PortalChallenge challenge, String statusPageUrl, Branding branding) {

	public boolean asks(PortalField field) {
		return this.settings.asks(field);
	}

}
