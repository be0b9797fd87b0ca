package dev.fixpoint.portal.web;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.Branding;
import dev.fixpoint.portal.PortalBranding;

/**
 * The organization admins' branding page: the current branding, what was just saved, and
 * the refused input ({@code accent} as typed) with its errors.
 */
public record BrandingPage(OrganizationMembership org, Branding branding, String notice, FormErrors errors,
		String accent) {

	public String action() {
		return BrandingPages.url(this.org.slug());
	}

	public String statusUrl() {
		return PortalRoutes.status(this.org.slug());
	}

	/**
	 * The colour input's value: what was typed, else the saved accent, else the
	 * product's.
	 */
	public String colour() {
		return this.accent != null ? this.accent : this.branding.accent() == null ? "" : this.branding.accent();
	}

	public String logoLimit() {
		return (PortalBranding.LOGO_MAX >> 10) + " KB";
	}

}
