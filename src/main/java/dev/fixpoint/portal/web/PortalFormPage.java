package dev.fixpoint.portal.web;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.PortalForm;

/** The portal's form page: the portal, what was typed, the refusals. */
public record PortalFormPage(PortalForm portal, PortalFormData values, FormErrors errors) {

	public String action() {
		return PortalRoutes.form(this.portal.projectKey());
	}

	public String similarUrl() {
		return PortalRoutes.similar(this.portal.projectKey());
	}

}
